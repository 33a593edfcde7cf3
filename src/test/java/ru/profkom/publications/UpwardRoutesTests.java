package ru.profkom.publications;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.profkom.support.Refusals.assertRefused;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.mail.MailOutbox;
import ru.profkom.mail.OutgoingMail;
import ru.profkom.organizations.Crumb;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class UpwardRoutesTests {

    @Autowired
    Publications publications;

    @Autowired
    UpwardRoutes routes;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    MailOutbox outbox;

    @Test
    void republishesWithAttributionForwardsAndShowsTheSenderTheTrail() {
        String ppoInfo = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        String cityInfo = fixture.account(fixture.territorialA1(), Role.INFO_WORKER);
        String regionInfo = fixture.account(fixture.regionA(), Role.INFO_WORKER);
        Instant from = Instant.now().minusSeconds(60);
        long countBefore = publications.sentUpwardCount(
                fixture.primaryA1(), from, Instant.now().plusSeconds(3600));
        Publication news = actors.as(ppoInfo, () -> {
            Publication p = publications.create(
                    fixture.primaryA1(),
                    PublicationsTests.draft("Победа в споре", "<p>Суд восстановил медсестру.</p>"));
            return publications.publish(p.id());
        });

        Route sent = actors.as(ppoInfo, () -> routes.send(news.id(), RoutePurpose.NEWS, "Достойно областной ленты"));
        assertThat(sent.toOrganizationId()).isEqualTo(fixture.territorialA1());
        assertRefused(
                Kind.CONFLICT,
                "route.alreadyPending",
                () -> actors.as(ppoInfo, () -> routes.send(news.id(), RoutePurpose.NEWS, null)));
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(
                        Fixture.ADMIN_B,
                        () -> routes.incoming(fixture.territorialA1(), Set.of(), PageRequest.of(0, 10))));
        assertRefused(
                Kind.NOT_FOUND, "organization.notFound", () -> actors.as(ppoInfo, () -> routes.republish(sent.id())));

        assertThat(actors.as(
                                cityInfo,
                                () -> routes.incoming(
                                        fixture.territorialA1(), Set.of(RouteStatus.PENDING), PageRequest.of(0, 50)))
                        .items())
                .extracting(Route::id)
                .contains(sent.id());
        Route forwarded = actors.as(cityInfo, () -> routes.forward(sent.id(), null));
        assertThat(forwarded.toOrganizationId()).isEqualTo(fixture.regionA());
        assertThat(forwarded.note()).isEqualTo("Достойно областной ленты");

        Publication copy = actors.as(regionInfo, () -> routes.republish(forwarded.id()));
        assertThat(copy.organizationId()).isEqualTo(fixture.regionA());
        assertThat(copy.published()).isTrue();
        assertThat(copy.sourceOrganizationName()).isEqualTo("ППО городской больницы Котласа");
        assertThat(copy.sourcePublicationId()).isEqualTo(news.id());
        assertThat(publications
                        .publicFeed(fixture.regionA(), PageRequest.of(0, 50))
                        .items())
                .extracting(PublicationSummary::id)
                .contains(copy.id());

        List<Route> trail = actors.as(ppoInfo, () -> publications.trail(news.id()));
        assertThat(trail).extracting(Route::status).containsExactly(RouteStatus.FORWARDED, RouteStatus.REPUBLISHED);
        assertThat(trail.getLast().republishedId()).isEqualTo(copy.id());
        assertThat(publications.sentUpwardCount(
                        fixture.primaryA1(), from, Instant.now().plusSeconds(3600)))
                .as("a forwarded step is not counted again")
                .isEqualTo(countBefore + 1);
    }

    @Test
    void returnsWithARequiredComment() {
        String ppoInfo = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        String cityChair = fixture.account(fixture.territorialA1(), Role.CHAIR);
        Publication p = actors.as(
                ppoInfo,
                () -> publications.create(
                        fixture.primaryA1(),
                        PublicationsTests.draft("Нужна поддержка", "Переговоры с работодателем.")));
        Route sent = actors.as(ppoInfo, () -> routes.send(p.id(), RoutePurpose.SUPPORT, null));

        assertRefused(
                Kind.INVALID,
                "comment",
                "validation.required",
                () -> actors.as(cityChair, () -> routes.returnToSender(sent.id(), " ")));
        Route returned = actors.as(cityChair, () -> routes.returnToSender(sent.id(), "Добавьте фотографии"));

        assertThat(returned.status()).isEqualTo(RouteStatus.RETURNED);
        assertThat(actors.as(ppoInfo, () -> publications.trail(p.id())))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.reply()).isEqualTo("Добавьте фотографии");
                    assertThat(r.purpose()).isEqualTo(RoutePurpose.SUPPORT);
                });
        assertRefused(
                Kind.CONFLICT, "route.alreadyHandled", () -> actors.as(cityChair, () -> routes.republish(sent.id())));
    }

    @Test
    void theSenderChoosesHowFarItGoesAndTheLevelsBetweenSeeItPass() {
        long city = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Городская организация");
        long ppo = fixture.primary(city, "ППО поликлиники № 3", 0);
        String ppoInfo = fixture.account(ppo, Role.INFO_WORKER);
        String cityInfo = fixture.account(city, Role.INFO_WORKER);
        String regionInfo = fixture.account(fixture.regionA(), Role.INFO_WORKER);
        Publication news = actors.as(
                ppoInfo,
                () -> publications.publish(publications
                        .create(ppo, PublicationsTests.draft("Субботник в поликлинике", "<p>Вышли все.</p>"))
                        .id()));

        assertThat(actors.as(ppoInfo, () -> routes.destinations(news.id())))
                .extracting(Crumb::id)
                .containsExactly(city, fixture.regionA(), fixture.union());
        assertRefused(
                Kind.INVALID,
                "destination",
                "route.destination.notAbove",
                () -> actors.as(ppoInfo, () -> routes.send(news.id(), RoutePurpose.NEWS, null, ppo)));
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(ppoInfo, () -> routes.send(news.id(), RoutePurpose.NEWS, null, fixture.regionB())));
        Route sent = actors.as(
                ppoInfo, () -> routes.send(news.id(), RoutePurpose.NEWS, "Для областной ленты", fixture.regionA()));

        assertThat(sent.toOrganizationId()).isEqualTo(fixture.regionA());
        assertThat(actors.as(
                                regionInfo,
                                () -> routes.incoming(
                                        fixture.regionA(), Set.of(RouteStatus.PENDING), PageRequest.of(0, 100)))
                        .items())
                .extracting(Route::id)
                .as("the region receives it without the city pressing «Передать выше»")
                .contains(sent.id());
        assertThat(actors.as(cityInfo, () -> routes.incoming(city, Set.of(), PageRequest.of(0, 10)))
                        .items())
                .isEmpty();
        assertThat(actors.as(cityInfo, () -> routes.passingThrough(city, PageRequest.of(0, 10)))
                        .items())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.id()).isEqualTo(sent.id());
                    assertThat(r.toOrganizationId()).isEqualTo(fixture.regionA());
                    assertThat(r.status()).isEqualTo(RouteStatus.PENDING);
                });
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(cityInfo, () -> routes.forward(sent.id(), null)));
        assertThat(actors.as(regionInfo, () -> routes.passingThrough(fixture.regionA(), PageRequest.of(0, 10)))
                        .items())
                .as("the receiver is not a level in between")
                .extracting(Route::id)
                .doesNotContain(sent.id());

        actors.as(regionInfo, () -> routes.republish(sent.id()));
        assertThat(actors.as(cityInfo, () -> routes.passingThrough(city, PageRequest.of(0, 10)))
                        .items())
                .singleElement()
                .extracting(Route::status)
                .isEqualTo(RouteStatus.REPUBLISHED);
    }

    @Test
    void aReturnTwoLevelsUpReachesTheAuthorWithItsCommentWhoAndAnEmail() {
        long city = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Городская организация");
        long ppo = fixture.primary(city, "ППО поликлиники № 4", 0);
        String ppoInfo = fixture.account(ppo, Role.INFO_WORKER);
        String ppoChair = fixture.account(ppo, Role.CHAIR);
        String cityInfo = fixture.account(city, Role.INFO_WORKER);
        String regionInfo = fixture.account(fixture.regionA(), Role.INFO_WORKER);
        Publication news = actors.as(
                ppoInfo, () -> publications.create(ppo, PublicationsTests.draft("Конкурс стенгазет", "Итоги.")));
        Route sent = actors.as(ppoInfo, () -> routes.send(news.id(), RoutePurpose.NEWS, null));
        Route forwarded = actors.as(cityInfo, () -> routes.forward(sent.id(), null));

        actors.as(regionInfo, () -> routes.returnToSender(forwarded.id(), "Нет фотографий"));

        RouteJourney journey = actors.as(ppoInfo, () -> routes.journeys(ppo, PageRequest.of(0, 10)))
                .items()
                .getFirst();
        assertThat(journey.sent().id()).isEqualTo(sent.id());
        assertThat(journey.returned()).as("not «Передана выше» any more").isTrue();
        assertThat(journey.latest().reply()).isEqualTo("Нет фотографий");
        assertThat(journey.latest().toOrganizationId()).isEqualTo(fixture.regionA());
        assertThat(journey.latest().handledByName()).isEqualTo("Тестовый Пользователь " + regionInfo);
        assertThat(actors.as(ppoInfo, () -> publications.trail(news.id()))
                        .getLast()
                        .handledByName())
                .isEqualTo("Тестовый Пользователь " + regionInfo);
        List<OutgoingMail> mail = CurrentActor.asSystem(() -> outbox.recent(PageRequest.of(0, 200)))
                .items();
        for (String notified : List.of(ppoInfo, ppoChair, cityInfo)) {
            assertThat(mail)
                    .filteredOn(m -> m.recipient().equals(Fixture.emailOf(notified)))
                    .singleElement()
                    .satisfies(m -> {
                        assertThat(m.subject()).isEqualTo("Публикация «Конкурс стенгазет» возвращена");
                        assertThat(m.body()).contains("Нет фотографий").contains("/publications/" + news.id());
                    });
        }
        assertThat(actors.as(ppoInfo, () -> routes.send(news.id(), RoutePurpose.NEWS, "С фотографиями")))
                .as("a returned publication may be sent again")
                .extracting(Route::status)
                .isEqualTo(RouteStatus.PENDING);
    }
}
