package ru.profkom.accounts;

import ru.profkom.shared.Role;

/** An account created by an administrator together with its first role in an organization. */
public record NewAccount(String login, String fullName, String email, String password, Role role) {}
