/**
 * The yearly statistical report of each organization (A4, "по профсоюзному членству и профсоюзным органам"
 * as of 1 January): prefilled from the membership statistics, the tree and the registry's union roles,
 * completed and corrected by hand, submitted to the parent organization, accepted or returned with a comment,
 * and consolidated at each level from the children's accepted reports.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organizations", "members", "statistics"})
package ru.profkom.statisticalreports;
