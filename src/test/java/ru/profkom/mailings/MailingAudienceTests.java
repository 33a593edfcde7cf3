package ru.profkom.mailings;

import static org.assertj.core.api.Assertions.assertThat;
import static profkom.schema.Tables.MAILING_OUTBOX;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.Refusals;
import ru.profkom.support.TestMail;

@ProfkomIntegrationTest
class MailingAudienceTests {

    @Autowired
    Mailings mailings;

    @Autowired
    ru.profkom.mailings.tracking.MailingReports reports;

    @Autowired
    Members members;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    DSLContext dsl;

    @Autowired
    ru.profkom.organizations.Organizations organizations;

    @Autowired
    List<ru.profkom.indicators.IndicatorProvider> indicators;

    long territorial;
    long hospital;
    long school;
    String chairEmail;
    String memberEmail;

    /**
     * A territorial organization with two PPOs: a chair and a member who consented to e-mail, one who consented
     * to processing only, one who did not consent to processing, one with an e-mail consent and no address, a
     * pensioner with SMS consent and a phone, and one person who is a member of both PPOs.
     */
    @BeforeEach
    void world() {
        actors.as(Fixture.ADMIN_A, () -> {
            territorial =
                    fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, Fixture.unique("Терорг"));
            hospital = fixture.primary(territorial, Fixture.unique("ППО больницы"), 100);
            school = fixture.primary(territorial, Fixture.unique("ППО школы"), 50);
            chairEmail = Fixture.unique("chair") + "@example.ru";
            memberEmail = Fixture.unique("member") + "@example.ru";
            Member chair = person(hospital, "Анна", chairEmail, null, Category.WORKER);
            consent(chair, ConsentPurpose.PROCESSING, ConsentPurpose.EMAIL);
            members.assignRole(chair.id(), hospital, UnionRole.CHAIR, null);
            Member member = person(hospital, "Борис", memberEmail, null, Category.WORKER);
            consent(member, ConsentPurpose.PROCESSING, ConsentPurpose.EMAIL);
            consent(
                    person(hospital, "Вера", Fixture.unique("v") + "@example.ru", null, Category.WORKER),
                    ConsentPurpose.PROCESSING);
            consent(
                    person(school, "Галина", Fixture.unique("g") + "@example.ru", null, Category.WORKER),
                    ConsentPurpose.EMAIL);
            consent(
                    person(school, "Дарья", null, null, Category.WORKER),
                    ConsentPurpose.PROCESSING,
                    ConsentPurpose.EMAIL);
            consent(
                    person(school, "Елена", null, "+79161234567", Category.PENSIONER),
                    ConsentPurpose.PROCESSING,
                    ConsentPurpose.SMS);
            // Борис is also in the school's PPO (an import of old data can leave two open memberships): one
            // person, one message.
            java.time.Instant now = java.time.Instant.now();
            dsl.insertInto(profkom.schema.Tables.MEMBERSHIP)
                    // far above the registry's id blocks
                    .set(profkom.schema.Tables.MEMBERSHIP.ID, 9_000_000_000L + Fixture.next())
                    .set(profkom.schema.Tables.MEMBERSHIP.PERSON_ID, member.id())
                    .set(profkom.schema.Tables.MEMBERSHIP.ORGANIZATION_ID, school)
                    .set(
                            profkom.schema.Tables.MEMBERSHIP.ORGANIZATION_PATH,
                            organizations.pathOf(school).orElseThrow())
                    .set(profkom.schema.Tables.MEMBERSHIP.NAME_KEY, "получатель")
                    .set(profkom.schema.Tables.MEMBERSHIP.STATUS, MembershipStatus.ACTIVE.name())
                    .set(profkom.schema.Tables.MEMBERSHIP.CATEGORY, Category.WORKER.name())
                    .set(profkom.schema.Tables.MEMBERSHIP.CREATED_AT, now)
                    .set(profkom.schema.Tables.MEMBERSHIP.UPDATED_AT, now)
                    .execute();
            return null;
        });
    }

    private Member person(long organizationId, String firstName, String email, String phone, Category category) {
        return members.register(
                organizationId,
                new PersonData(
                        Fixture.uniqueSurname("Получатель"),
                        firstName,
                        "Ивановна",
                        LocalDate.of(1980, 3, 4),
                        null,
                        Fixture.uniqueSnils(),
                        phone,
                        email,
                        null,
                        null),
                new MembershipData(MembershipStatus.ACTIVE, null, null, category));
    }

    private void consent(Member member, ConsentPurpose... purposes) {
        for (ConsentPurpose purpose : purposes) {
            members.giveConsent(member.id(), purpose, null, ConsentForm.PAPER, null);
        }
    }

    private AudienceReach reach(Audience audience, Set<Channel> channels, Delivery delivery) {
        return actors.as(Fixture.ADMIN_A, () -> mailings.reach(territorial, audience, channels, delivery));
    }

    @Test
    void countsEveryoneOncePerChannelAndSaysWhyTheOthersAreNotReached() {
        AudienceReach reach = reach(Audience.EVERYONE, EnumSet.of(Channel.EMAIL, Channel.SMS), Delivery.ALL_CHANNELS);

        assertThat(reach.people()).isEqualTo(6);
        assertThat(reach.withoutProcessingConsent()).isEqualTo(1);
        assertThat(reach.channels().get(Channel.EMAIL)).isEqualTo(new AudienceReach.ChannelReach(2, 2, 1, 0));
        assertThat(reach.channels().get(Channel.SMS)).isEqualTo(new AudienceReach.ChannelReach(1, 4, 0, 0));
        assertThat(reach.recipients()).isEqualTo(3);
        assertThat(reach.messages()).isEqualTo(3);
        assertThat(reach.unreachable()).isEqualTo(3);
    }

    @Test
    void theElectronicReachIndicatorIsTheShareOfConsentingMembersReachableOnSomeChannel() {
        ru.profkom.indicators.IndicatorProvider indicator = indicators.stream()
                .filter(provider -> provider.code().equals(ReachIndicator.CODE))
                .findFirst()
                .orElseThrow();
        var organization = actors.as(Fixture.ADMIN_A, () -> organizations.get(territorial));
        var ppos = actors.as(Fixture.ADMIN_A, () -> List.of(organizations.get(hospital), organizations.get(school)));

        var values = indicator.values(List.of(ppos.get(0), organization, ppos.get(1)), java.time.YearMonth.now());

        // six people, one without consent to processing; Анна and Борис by e-mail, Елена by SMS
        assertThat(values.get(territorial).value()).isEqualByComparingTo("60.00");
        // each organization's value, from the one grouped count, is what its own audience count says
        for (long ppo : List.of(hospital, school)) {
            AudienceReach own = actors.as(
                    Fixture.ADMIN_A,
                    () -> mailings.reach(
                            ppo, Audience.EVERYONE, EnumSet.allOf(Channel.class), Delivery.FIRST_AVAILABLE));
            long counted = own.people() - own.withoutProcessingConsent();
            if (counted == 0) {
                assertThat(values).doesNotContainKey(ppo);
            } else {
                assertThat(values.get(ppo).value())
                        .isEqualByComparingTo(java.math.BigDecimal.valueOf(own.recipients() * 100)
                                .divide(java.math.BigDecimal.valueOf(counted), 2, java.math.RoundingMode.HALF_UP));
            }
        }
        assertThat(ReachIndicator.commonAncestor(List.of(ppos.get(0), ppos.get(1))))
                .isEqualTo(organization.path());
        assertThat(ReachIndicator.commonAncestor(List.of(ppos.get(0))))
                .isEqualTo(ppos.get(0).path());
        assertThat(ReachIndicator.commonAncestor(List.of())).isEqualTo("/");
    }

    @Test
    void narrowsByRoleKindCategoryAndAge() {
        Audience chairs =
                new Audience(Set.of(OrganizationKind.PRIMARY), Set.of(UnionRole.CHAIR), Set.of(), Set.of(), null, null);
        assertThat(reach(chairs, Set.of(Channel.EMAIL), Delivery.ALL_CHANNELS).people())
                .isEqualTo(1);

        Audience pensioners = new Audience(Set.of(), Set.of(), Set.of(Category.PENSIONER), Set.of(), null, null);
        assertThat(reach(pensioners, Set.of(Channel.SMS), Delivery.ALL_CHANNELS).recipients())
                .isEqualTo(1);

        Audience young = new Audience(Set.of(), Set.of(), Set.of(), Set.of(), null, 35);
        assertThat(reach(young, Set.of(Channel.EMAIL), Delivery.ALL_CHANNELS).people())
                .isZero();

        Audience territorialOnly =
                new Audience(Set.of(OrganizationKind.TERRITORIAL), Set.of(), Set.of(), Set.of(), null, null);
        assertThat(reach(territorialOnly, Set.of(Channel.EMAIL), Delivery.ALL_CHANNELS)
                        .people())
                .isZero();
    }

    @Test
    void refusesAnAudienceOutsideTheSendersScopeAndBadAges() {
        Refusals.assertRefused(
                ProfkomException.Kind.FORBIDDEN,
                "mailing.forbidden",
                () -> actors.as(
                        Fixture.ADMIN_B,
                        () -> mailings.reach(
                                territorial, Audience.EVERYONE, Set.of(Channel.EMAIL), Delivery.ALL_CHANNELS)));
        Refusals.assertRefused(
                ProfkomException.Kind.INVALID,
                "mailing.audience.ageOrder",
                () -> reach(
                        new Audience(Set.of(), Set.of(), Set.of(), Set.of(), 40, 30),
                        Set.of(Channel.EMAIL),
                        Delivery.ALL_CHANNELS));
    }

    @Test
    void aScheduledMailingQueuesItsAudienceOnceAndSendsOneMessagePerPerson() {
        long mailingId = actors.as(Fixture.ADMIN_A, () -> {
            long id = mailings.createDraft(
                    territorial,
                    new MailingForm(
                            "Собрание",
                            Audience.EVERYONE,
                            Delivery.FIRST_AVAILABLE,
                            "{{имя}}, собрание",
                            "<p>Здравствуйте, {{имя}} ({{организация}})</p>",
                            Map.of(Channel.EMAIL, "Здравствуйте, {{имя}}", Channel.SMS, "Собрание в 18:00"),
                            null,
                            null,
                            null));
            assertThat(mailings.preview(id, 5))
                    .isNotEmpty()
                    .allSatisfy(preview ->
                            assertThat(preview.subject()).endsWith(", собрание").doesNotContain("{{"));
            mailings.schedule(id);
            return id;
        });

        // the scheduler's job sends it (a second run of our own would find its rows SENDING and call them unknown)
        org.awaitility.Awaitility.await()
                .atMost(ru.profkom.support.Patience.AFTER_COMMIT)
                .until(() -> actors.as(Fixture.ADMIN_A, () -> mailings.get(mailingId))
                                .status()
                        == MailingStatus.DONE);

        List<String> channels = dsl.select(MAILING_OUTBOX.CHANNEL)
                .from(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.MAILING_ID.eq(mailingId))
                .orderBy(MAILING_OUTBOX.CHANNEL)
                .fetch(MAILING_OUTBOX.CHANNEL);
        assertThat(channels).containsExactly("EMAIL", "EMAIL", "SMS");
        assertThat(TestMail.receivedBy(memberEmail)).hasSize(1);
        assertThat(TestMail.receivedBy(chairEmail))
                .singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("Анна, собрание"));
        MailingView view = actors.as(Fixture.ADMIN_A, () -> mailings.get(mailingId));
        assertThat(view.status()).isEqualTo(MailingStatus.DONE);
        assertThat(view.count(OutboxStatus.SENT)).isEqualTo(2);
        assertThat(reports.byOrganization(ru.profkom.shared.Scope.EVERYTHING, mailingId, new PageRequest(0, 50))
                        .items())
                .extracting(ru.profkom.mailings.tracking.MailingReports.OrganizationLine::organizationId)
                .containsExactlyInAnyOrder(hospital, school);
    }

    @Test
    void refusesToScheduleAnEmptyAudienceOrAnUnknownPlaceholder() {
        actors.as(Fixture.ADMIN_A, () -> {
            long id = mailings.createDraft(
                    territorial,
                    new MailingForm(
                            "Пусто",
                            new Audience(
                                    Set.of(), Set.of(UnionRole.YOUTH_COUNCIL_MEMBER), Set.of(), Set.of(), null, null),
                            Delivery.ALL_CHANNELS,
                            "Тема {{должность}}",
                            null,
                            Map.of(Channel.EMAIL, "Текст"),
                            null,
                            null,
                            null));
            ProfkomException refusal =
                    org.junit.jupiter.api.Assertions.assertThrows(ProfkomException.class, () -> mailings.schedule(id));
            assertThat(refusal.problems())
                    .extracting(ProfkomException.Problem::messageKey)
                    .contains("mailing.rules.audienceEmpty", "mailing.rules.unknownPlaceholder");
            assertThat(mailings.get(id).status()).isEqualTo(MailingStatus.DRAFT);
            return null;
        });
    }
}
