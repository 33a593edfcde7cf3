/**
 * Mailings to members (C1): an audience chosen by the union's structure and consent, a message personalised
 * per person, and delivery through e-mail, Telegram, VK and SMS from a durable outbox that never sends a row
 * twice silently.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organizations", "members", "indicators", "accounts"})
package ru.profkom.mailings;
