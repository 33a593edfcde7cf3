package ru.profkom.portal;

import java.util.List;

/**
 * One piece of news with its body, sanitized by the publications module when it was saved, the
 * organization it was republished from (or null) and its images' addresses.
 */
public record NewsArticle(NewsItem item, String bodyHtml, String sourceOrganizationName, List<String> imageUrls) {}
