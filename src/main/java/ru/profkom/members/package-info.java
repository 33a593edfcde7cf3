/**
 * The electronic member registry (A2): persons, their memberships with the status lifecycle,
 * categories, roles in the union's structure, consents (152-FZ), the history of every change and
 * the electronic union card. Every read and write is scoped to the staff user's subtrees.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organizations"})
package ru.profkom.members;
