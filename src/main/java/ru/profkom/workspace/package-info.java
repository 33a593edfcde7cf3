/**
 * The workspace: the home («Главная») of each signed-in person — what needs them, collected from every module's
 * {@link ru.profkom.shared.TaskSource}, the key figures of their organization with a trend and the actions they
 * take most — and the in-app notifications (the bell) built from the same tasks. Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organizations", "accounts", "statistics", "indicators", "members", "mail"})
package ru.profkom.workspace;
