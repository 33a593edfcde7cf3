package ru.profkom.accounts;

import java.time.Instant;

/** A person who signs in. The password hash never leaves this module. */
public record Account(long id, String login, String fullName, String email, boolean enabled, Instant lastSignInAt) {}
