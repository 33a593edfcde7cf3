package ru.profkom.workspace;

/** One of the actions a person takes most, as a button of the home: its label key, icon and address. */
public record QuickAction(String labelKey, String icon, String link) {}
