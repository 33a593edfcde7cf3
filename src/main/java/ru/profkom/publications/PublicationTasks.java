package ru.profkom.publications;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.TaskScope;
import ru.profkom.shared.TaskSource;
import ru.profkom.shared.WorkItem;

/**
 * Publications' work on the home: information packages the organization has not opened yet (due when the
 * sender's reminder would go), its news returned from above with a comment, and news sent up from below
 * waiting for a decision. Each comes from the inbox's own scoped queries.
 */
@Component
class PublicationTasks implements TaskSource {

    static final String UNOPENED_PACKAGE = "UNOPENED_PACKAGE";
    static final String RETURNED_NEWS = "RETURNED_NEWS";
    static final String NEWS_FROM_BELOW = "NEWS_FROM_BELOW";

    /** A return is shown for a month: after that the sender has either resent the news or let it go. */
    static final Duration RETURN_SHOWN_FOR = Duration.ofDays(30);

    private static final ZoneId MOSCOW = MoscowTime.ZONE;

    private final InfoPackages packages;
    private final UpwardRoutes routes;

    PublicationTasks(InfoPackages packages, UpwardRoutes routes) {
        this.packages = packages;
        this.routes = routes;
    }

    @Override
    public List<WorkItem> tasks(TaskScope scope) {
        List<WorkItem> items = new ArrayList<>();
        for (long organizationId : scope.organizationIds()) {
            try {
                for (InfoPackage infoPackage :
                        packages.inbox(organizationId, false, scope.firstPage()).items()) {
                    items.add(WorkItem.due(
                            UNOPENED_PACKAGE,
                            organizationId + "-" + infoPackage.id(),
                            infoPackage.title(),
                            infoPackage.organizationId(),
                            infoPackage.organizationName(),
                            infoPackage.createdAt(),
                            infoPackage
                                    .createdAt()
                                    .atZone(MOSCOW)
                                    .toLocalDate()
                                    .plusDays(infoPackage.remindAfterDays()),
                            "/packages/" + infoPackage.id(),
                            scope));
                }
                for (Route route :
                        routes.outgoing(organizationId, scope.firstPage()).items()) {
                    if (route.status() == RouteStatus.RETURNED
                            && route.handledAt() != null
                            && route.handledAt().plus(RETURN_SHOWN_FOR).isAfter(scope.now())) {
                        items.add(WorkItem.waiting(
                                RETURNED_NEWS,
                                route.id(),
                                route.publicationTitle(),
                                route.toOrganizationId(),
                                route.toOrganizationName(),
                                route.handledAt(),
                                "/publications/" + route.publicationId(),
                                scope));
                    }
                }
                for (Route route : routes.incoming(organizationId, EnumSet.of(RouteStatus.PENDING), scope.firstPage())
                        .items()) {
                    items.add(WorkItem.waiting(
                            NEWS_FROM_BELOW,
                            route.id(),
                            route.publicationTitle(),
                            route.fromOrganizationId(),
                            route.fromOrganizationName(),
                            route.sentAt(),
                            "/orgs/" + route.toOrganizationId() + "/inbox",
                            scope));
                }
            } catch (ProfkomException refused) {
                // Only the organization's editors keep its inbox.
            }
        }
        return items;
    }
}
