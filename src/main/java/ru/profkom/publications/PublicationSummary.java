package ru.profkom.publications;

import java.time.Instant;
import java.util.List;

/** A line of a feed: the title, a short plain-text summary and the first image's thumbnail. */
public record PublicationSummary(
        long id,
        long organizationId,
        String organizationName,
        String title,
        String summary,
        Rubric rubric,
        List<String> tags,
        String thumbnailUrl,
        PublicationStatus status,
        String sourceOrganizationName,
        Instant updatedAt,
        Instant publishedAt) {

    static final int SUMMARY_LENGTH = 280;

    public String link() {
        return "/publications/" + id;
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= SUMMARY_LENGTH) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SUMMARY_LENGTH);
        return flat.substring(0, cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH) + "…";
    }
}
