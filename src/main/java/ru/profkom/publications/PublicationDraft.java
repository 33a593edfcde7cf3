package ru.profkom.publications;

import java.util.List;

/** What an editor sends: the body may hold any HTML, which is sanitized before it is stored. */
public record PublicationDraft(
        String title, String bodyHtml, Rubric rubric, List<String> tags, List<String> videoUrls, Integer version) {

    public PublicationDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        videoUrls = videoUrls == null ? List.of() : List.copyOf(videoUrls);
    }
}
