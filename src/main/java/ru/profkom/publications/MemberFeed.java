package ru.profkom.publications;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.members.MemberCabinet;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Membership;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/** A member's feed: the published news of their own primary organization and of all its ancestors. */
@Service
@Transactional(readOnly = true)
public class MemberFeed {

    private final MemberCabinet cabinet;
    private final Organizations organizations;
    private final Publications publications;

    MemberFeed(MemberCabinet cabinet, Organizations organizations, Publications publications) {
        this.cabinet = cabinet;
        this.organizations = organizations;
        this.publications = publications;
    }

    /** The organizations whose news the signed-in member reads, from the union down to their own; empty when not linked. */
    public List<Long> organizationIds() {
        if (!cabinet.linked()) {
            return List.of();
        }
        Optional<Membership> current = cabinet.me().memberships().stream()
                .filter(m -> m.status() != MembershipStatus.EXITED)
                .findFirst();
        return current.flatMap(m -> organizations.pathOf(m.organizationId()))
                .map(path -> Arrays.stream(path.split("/"))
                        .filter(part -> !part.isEmpty())
                        .map(Long::valueOf)
                        .toList())
                .orElse(List.of());
    }

    public Page<PublicationSummary> feed(Rubric rubric, PageRequest page) {
        return publications.publishedIn(organizationIds(), rubric, page);
    }
}
