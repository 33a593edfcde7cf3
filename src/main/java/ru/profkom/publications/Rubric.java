package ru.profkom.publications;

/** The rubrics of a feed. */
public enum Rubric {
    NEWS,
    EVENTS,
    BARGAINING,
    LABOR_PROTECTION,
    WAGES,
    YOUTH,
    SOCIAL,
    LEGAL,
    SPORTS_CULTURE,
    ANNOUNCEMENT;

    public String messageKey() {
        return "publication.rubric." + name();
    }
}
