/**
 * The audit log: who did what, when and from which address, filed under the organization it
 * concerns so that administrators read it for their subtree. Built from other modules' events.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "organizations",
            "accounts",
            "members",
            "indicators",
            "publications",
            "portal",
            "statisticalreports",
            "settings",
            "channelregistry",
            "mailings"
        })
package ru.profkom.audit;
