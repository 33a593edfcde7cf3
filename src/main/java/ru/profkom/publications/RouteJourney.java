package ru.profkom.publications;

/**
 * A publication's way up as its sender sees it: the step the sender took and where the way stands now (the
 * same step until someone forwards it), so a return two levels up reads «Возвращена» with its comment.
 */
public record RouteJourney(Route sent, Route latest) {

    public boolean returned() {
        return latest.status() == RouteStatus.RETURNED;
    }
}
