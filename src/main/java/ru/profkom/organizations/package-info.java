/**
 * The organization tree of the union (A1): kinds, cards, attached bodies, moves with history,
 * mergers and liquidation, and the subtree checks every other module relies on. Depends on shared only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package ru.profkom.organizations;
