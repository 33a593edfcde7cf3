package ru.profkom.settings;

import ru.profkom.shared.Actor;

/** What changed in the installation's settings. */
public final class SettingsEvents {

    private SettingsEvents() {}

    /** The union administrator set (or cleared: {@code newAddress} null) the public address. */
    public record PublicAddressChanged(Actor actor, String oldAddress, String newAddress) {}
}
