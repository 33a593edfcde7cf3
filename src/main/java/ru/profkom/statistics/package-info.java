/**
 * Membership statistics rolled up the organization tree (A4): totals, categories, genders, youth,
 * joins and exits by reason, transfers and the membership level of any organization at any date,
 * kept incrementally from the registry's and the tree's events, with a recount from scratch.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organizations", "members"})
package ru.profkom.statistics;
