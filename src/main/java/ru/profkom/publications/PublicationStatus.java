package ru.profkom.publications;

/** A publication is written as a draft, published in its organization's feed and may be withdrawn. */
public enum PublicationStatus {
    DRAFT,
    PUBLISHED,
    UNPUBLISHED;

    public String messageKey() {
        return "publication.status." + name();
    }
}
