package ru.profkom.publications;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import ru.profkom.shared.RussianText;
import ru.profkom.shared.Validation;

/** A draft after validation: sanitized HTML with its text, clean tags and accepted video links. */
record CleanDraft(
        String title, String bodyHtml, String bodyText, Rubric rubric, List<String> tags, List<VideoLink> videos) {

    static final int TITLE_MAX = 300;
    static final int BODY_MAX = 200_000;
    static final int TAG_MAX = 40;
    static final int TAGS_MAX = 10;
    static final int VIDEOS_MAX = 5;

    static CleanDraft of(PublicationDraft draft) {
        Validation validation = new Validation();
        String title = RussianText.normalizeSpaces(draft.title());
        validation.required("title", title).maxLength("title", title, TITLE_MAX);
        String raw = draft.bodyHtml() == null ? "" : draft.bodyHtml();
        if (raw.length() > BODY_MAX) {
            validation.reject("body", "validation.tooLong", BODY_MAX, raw.length());
        }
        String html = SafeHtml.sanitize(raw);
        String text = SafeHtml.text(html);
        if (text.isBlank()) {
            validation.reject("body", "validation.required");
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String tag : draft.tags()) {
            for (String part : tag == null ? new String[0] : tag.split("[,;\\n]")) {
                String clean = RussianText.normalizeSpaces(part.replaceAll("[#<>\"]", ""))
                        .toLowerCase(Locale.forLanguageTag("ru"));
                if (clean.isEmpty()) {
                    continue;
                }
                if (clean.length() > TAG_MAX) {
                    validation.reject("tags", "publication.tagTooLong", TAG_MAX);
                } else {
                    tags.add(clean);
                }
            }
        }
        if (tags.size() > TAGS_MAX) {
            validation.reject("tags", "publication.tooManyTags", TAGS_MAX);
        }
        List<VideoLink> videos = new ArrayList<>();
        for (String url : draft.videoUrls()) {
            if (url == null || url.isBlank()) {
                continue;
            }
            VideoLink.parse(url)
                    .ifPresentOrElse(videos::add, () -> validation.reject("videos", "publication.videoNotAllowed"));
        }
        if (videos.size() > VIDEOS_MAX) {
            validation.reject("videos", "publication.tooManyVideos", VIDEOS_MAX);
        }
        validation.throwIfInvalid();
        return new CleanDraft(title, html, text, draft.rubric(), List.copyOf(tags), videos);
    }
}
