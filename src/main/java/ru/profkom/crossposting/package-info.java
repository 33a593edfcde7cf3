/**
 * Cross-posting (B1): an organization connects its Telegram channel and VK community, and each of its
 * publications goes there too through a durable outbox with retries; failures are shown to its staff.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organizations", "publications", "portal"})
package ru.profkom.crossposting;
