/**
 * The demo union and the federation-scale tree: a deterministic generator of a realistic Russian
 * union, its loading on first start and by the command line, and the tree benchmarks.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "organizations",
            "accounts",
            "members",
            "members :: generators",
            "indicators",
            "statistics",
            "publications",
            "portal"
        })
package ru.profkom.demo;
