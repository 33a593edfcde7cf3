/**
 * Accounts, sign-in with lockout, password reset by e-mail, and roles held in organizations for
 * their subtrees; resolves the acting user for every other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organizations", "mail"})
package ru.profkom.accounts;
