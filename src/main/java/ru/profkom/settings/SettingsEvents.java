package ru.profkom.settings;

import ru.profkom.shared.Actor;

/** What changed in the installation's settings. */
public final class SettingsEvents {

    private SettingsEvents() {}

    /**
     * The union administrator set (or cleared: {@code newAddress} null) the public address; {@code organizationId}
     * is the union where they hold that role, null when the system changed it.
     */
    public record PublicAddressChanged(Actor actor, Long organizationId, String oldAddress, String newAddress) {}
}
