/**
 * The electronic member registry (A2): persons, their memberships with the status lifecycle,
 * categories, roles in the union's structure, consents (152-FZ), the history of every change, the
 * electronic union card with its public QR check, and the member's own cabinet with correction
 * requests to the organization's staff. Every staff read and write is scoped to the staff user's
 * subtrees; every cabinet call to the person linked to the signed-in account.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organizations"})
package ru.profkom.members;
