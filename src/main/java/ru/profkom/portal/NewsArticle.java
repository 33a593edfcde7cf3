package ru.profkom.portal;

/** One piece of news with its body, sanitized by the publications module when it was saved. */
public record NewsArticle(NewsItem item, String bodyHtml) {}
