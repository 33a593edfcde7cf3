package ru.profkom.publications;

/** Why a publication goes up: news worth wider publication, or a call for information support. */
public enum RoutePurpose {
    NEWS,
    SUPPORT;

    public String messageKey() {
        return "route.purpose." + name();
    }
}
