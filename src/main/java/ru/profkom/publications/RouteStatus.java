package ru.profkom.publications;

/** Where one step of a publication's way up stands. */
public enum RouteStatus {
    PENDING,
    REPUBLISHED,
    FORWARDED,
    RETURNED;

    public String messageKey() {
        return "route.status." + name();
    }
}
