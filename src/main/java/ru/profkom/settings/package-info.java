/**
 * Settings of the whole installation kept in the database and changed by the union administrator: for now the
 * public address used in every absolute link ({@link ru.profkom.shared.PublicAddress}, implemented here).
 * Start-time settings are {@link ru.profkom.shared.ProfkomSettings}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package ru.profkom.settings;
