package ru.profkom.publications;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.profkom.support.Refusals.assertRefused;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.mail.MailOutbox;
import ru.profkom.mail.OutgoingMail;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class InfoPackagesTests {

    @Autowired
    InfoPackages packages;

    @Autowired
    Publications publications;

    @Autowired
    MailOutbox outbox;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Test
    void sendsToTheChosenKindsAndRecordsWhoOpenedItFirst() {
        String regionInfo = fixture.account(fixture.regionA(), Role.INFO_WORKER);
        String ppoChair = fixture.account(fixture.primaryA1(), Role.CHAIR);
        String ppoInfo = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        InfoPackage sent = actors.as(
                regionInfo,
                () -> packages.send(
                        fixture.regionA(),
                        new InfoPackageDraft(
                                "Материалы к 1 Мая", "<p>Тексты для стенда</p>", Set.of(OrganizationKind.PRIMARY), 3)));
        AttachmentRef file = actors.as(
                regionInfo,
                () -> packages.addAttachment(sent.id(), "листовка.pdf", "%PDF".getBytes(StandardCharsets.UTF_8)));

        assertThat(sent.recipientCount()).isGreaterThanOrEqualTo(1);
        assertThat(actors.as(ppoChair, () -> packages.inbox(fixture.primaryA1(), false, PageRequest.of(0, 50)))
                        .items())
                .extracting(InfoPackage::id)
                .contains(sent.id());
        assertRefused(
                Kind.NOT_FOUND, "package.notFound", () -> actors.as(Fixture.ADMIN_B, () -> packages.open(sent.id())));
        String townAdmin = fixture.account(fixture.territorialA1(), Role.ORG_ADMIN);
        assertRefused(
                Kind.NOT_FOUND,
                "package.notFound",
                () -> actors.as(Fixture.ADMIN_B, () -> packages.open(sent.id(), fixture.primaryA1())));
        assertThat(actors.as(townAdmin, () -> packages.open(sent.id(), fixture.primaryA1()))
                        .openedAt())
                .as("the town reads what its primary organization received, without recording a receipt for it")
                .isNull();
        assertThat(actors.as(ppoChair, () -> packages.inbox(fixture.primaryA1(), false, PageRequest.of(0, 50)))
                        .items())
                .extracting(InfoPackage::id)
                .contains(sent.id());
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.as(ppoChair, () -> packages.receipts(sent.id(), null, PageRequest.of(0, 50))));

        InfoPackage opened = actors.as(ppoChair, () -> packages.open(sent.id()));
        actors.as(ppoInfo, () -> packages.open(sent.id()));
        assertThat(opened.attachments()).extracting(AttachmentRef::fileName).containsExactly("листовка.pdf");
        assertThat(actors.as(ppoChair, () -> publications.attachment(file.id())).bytes())
                .hasSize(4);

        assertThat(actors.as(regionInfo, () -> packages.receipts(sent.id(), true, PageRequest.of(0, 50)))
                        .items())
                .filteredOn(r -> r.organizationId() == fixture.primaryA1())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.firstOpenedBy()).isEqualTo(ppoChair);
                    assertThat(r.organizationName()).isEqualTo("ППО городской больницы Котласа");
                });
        assertThat(actors.as(ppoChair, () -> packages.inbox(fixture.primaryA1(), false, PageRequest.of(0, 50)))
                        .items())
                .extracting(InfoPackage::id)
                .doesNotContain(sent.id());
        assertThat(actors.as(regionInfo, () -> packages.receipts(sent.id(), null, PageRequest.of(0, 50)))
                        .items())
                .noneMatch(r -> r.organizationId() == fixture.territorialA1());
    }

    @Test
    void remindsTheInfoWorkersAndChairsOfRecipientsThatHaveNotOpenedIt() {
        String regionInfo = fixture.account(fixture.regionA(), Role.INFO_WORKER);
        long ppo = fixture.organization(fixture.territorialA2(), OrganizationKind.PRIMARY, "ППО районной поликлиники");
        String ppoChair = fixture.account(ppo, Role.CHAIR);
        InfoPackage sent = actors.as(
                regionInfo,
                () -> packages.send(
                        fixture.regionA(),
                        new InfoPackageDraft("Заявление о зарплате", "Текст заявления", Set.of(), 0)));

        int reminded = actors.as(regionInfo, () -> packages.remind(sent.id()));

        assertThat(reminded).isEqualTo(sent.recipientCount());
        assertThat(outbox.recent(PageRequest.of(0, 200)).items())
                .filteredOn(m -> m.recipient().equals(Fixture.emailOf(ppoChair)))
                .singleElement()
                .extracting(OutgoingMail::subject)
                .isEqualTo("Напоминание: информационный пакет «Заявление о зарплате»");
        assertThat(actors.as(regionInfo, () -> packages.remind(sent.id())))
                .as("not reminded twice within a day")
                .isZero();
        assertThat(CurrentActor.asSystem(packages::remindDue)).isZero();
    }
}
