package ru.profkom.publications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.members.MemberAccountLinks;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class MemberFeedTests {

    @Autowired
    MemberFeed feed;

    @Autowired
    Publications publications;

    @Autowired
    Members members;

    @Autowired
    MemberAccountLinks accountLinks;

    @Autowired
    UpwardRoutes routes;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Test
    void showsTheMembersOwnOrganizationAndItsAncestorsOnly() {
        long person = actors.as(
                        Fixture.ADMIN_A,
                        () -> members.register(
                                fixture.primaryA1(),
                                new PersonData(
                                        Fixture.unique("Лентова"),
                                        "Анна",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null),
                                new MembershipData(MembershipStatus.ACTIVE, null, null, Category.WORKER)))
                .id();
        String login = fixture.account(fixture.primaryA1(), Role.MEMBER);
        actors.run(Fixture.ADMIN_A, () -> accountLinks.link(person, login));
        long own = publish(fixture.primaryA1(), "Новость своей ППО");
        long region = publish(fixture.regionA(), "Новость области");
        long sibling = publish(fixture.territorialA2(), "Новость соседей");
        long otherRegion = publish(fixture.regionB(), "Новость другой области");

        List<Long> ids = actors.as(login, () -> feed.feed(null, PageRequest.of(0, 200))).items().stream()
                .map(PublicationSummary::id)
                .toList();

        assertThat(ids).contains(own, region).doesNotContain(sibling, otherRegion);
        assertThat(actors.as(Fixture.ADMIN_A, () -> feed.feed(null, PageRequest.of(0, 10)))
                        .items())
                .as("an account linked to no person has no feed")
                .isEmpty();
    }

    @Test
    void showsAStoryOnceWhetherTheMembersOwnOrganizationOrTwoLevelsAboveRepublishedIt() {
        long ppo = fixture.organization(
                fixture.territorialA1(), ru.profkom.organizations.OrganizationKind.PRIMARY, "ППО водоканала");
        long sibling = fixture.organization(
                fixture.territorialA1(), ru.profkom.organizations.OrganizationKind.PRIMARY, "ППО теплосети");
        String login = linkedMember(ppo);
        String cityInfo = fixture.account(fixture.territorialA1(), Role.INFO_WORKER);
        String regionInfo = fixture.account(fixture.regionA(), Role.INFO_WORKER);
        // The member's own news, republished by the city above.
        long own = publish(ppo, "Своя новость водоканала");
        long ownCopy =
                actors.as(cityInfo, () -> routes.republish(send(own).id())).id();
        // A neighbour's news, republished by the city and, sent again, by the region.
        long neighbours = publish(sibling, "Новость теплосети");
        long cityCopy = actors.as(
                        cityInfo, () -> routes.republish(send(neighbours).id()))
                .id();
        long regionCopy = actors.as(
                        regionInfo,
                        () -> routes.republish(actors.as(
                                        cityInfo,
                                        () -> routes.forward(send(neighbours).id(), null))
                                .id()))
                .id();

        List<Long> ids = actors.as(login, () -> feed.feed(null, PageRequest.of(0, 200))).items().stream()
                .map(PublicationSummary::id)
                .toList();

        assertThat(ids).contains(own, cityCopy).doesNotContain(ownCopy, regionCopy, neighbours);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(publications
                        .publicFeed(fixture.territorialA1(), PageRequest.of(0, 200))
                        .items())
                .as("the city's own feed still shows what it republished")
                .extracting(PublicationSummary::id)
                .contains(ownCopy, cityCopy);
    }

    private Route send(long publicationId) {
        return ru.profkom.shared.CurrentActor.asSystem(() -> routes.send(publicationId, RoutePurpose.NEWS, null));
    }

    private String linkedMember(long organizationId) {
        long person = actors.as(
                        Fixture.ADMIN_A,
                        () -> members.register(
                                organizationId,
                                new PersonData(
                                        Fixture.unique("Читателева"),
                                        "Вера",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null),
                                new MembershipData(MembershipStatus.ACTIVE, null, null, Category.WORKER)))
                .id();
        String login = fixture.account(organizationId, Role.MEMBER);
        actors.run(Fixture.ADMIN_A, () -> accountLinks.link(person, login));
        return login;
    }

    private long publish(long organizationId, String title) {
        return ru.profkom.shared.CurrentActor.asSystem(() -> {
            Publication p = publications.create(organizationId, PublicationsTests.draft(title, "Текст"));
            return publications.publish(p.id()).id();
        });
    }
}
