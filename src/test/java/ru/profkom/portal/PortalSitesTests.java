package ru.profkom.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.ProfkomException;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class PortalSitesTests {

    @Autowired
    PortalSites sites;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Test
    void proposesATransliteratedFreeAddressAndRefusesReservedTakenAndMalformedOnes() {
        long first = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО Щёлковской ЦРБ");
        long second = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО Щёлковской ЦРБ");

        SiteForm proposed = actors.as(Fixture.ADMIN_A, () -> sites.form(first));
        assertThat(proposed.slug()).startsWith("ppo-shchelkovskoy-tsrb");
        Site saved = actors.as(Fixture.ADMIN_A, () -> sites.save(first, proposed));
        assertThat(actors.as(Fixture.ADMIN_A, () -> sites.form(second)).slug())
                .as("the second organization of the same name gets a free address")
                .isNotEqualTo(saved.slug());

        for (String slug : new String[] {"orgs", "login", "api", "sitemap"}) {
            assertThat(refusal(() -> sites.save(second, new SiteForm(slug, null, null, null))))
                    .isEqualTo("portal.slug.reserved");
        }
        assertThat(refusal(() -> sites.save(second, new SiteForm(saved.slug(), null, null, null))))
                .isEqualTo("portal.slug.taken");
        for (String slug : new String[] {"a", "-abc", "abc-", "Абв", "with space", "x.xml"}) {
            assertThat(refusal(() -> sites.save(second, new SiteForm(slug, null, null, null))))
                    .as(slug)
                    .isEqualTo("portal.slug.invalid");
        }
    }

    @Test
    void letsOnlyStaffWhoEditTheCardKeepThePage() {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО поликлиники");
        SiteForm form = new SiteForm(Fixture.unique("ppo").toLowerCase(), "О нас", null, null);

        assertThat(actors.as(Fixture.INFO_WORKER_A1, () -> sites.save(primary, form))
                        .slug())
                .isEqualTo(form.slug());
        assertThatThrownBy(() -> actors.as(Fixture.ADMIN_B, () -> sites.form(primary)))
                .isInstanceOfSatisfying(
                        ProfkomException.class, e -> assertThat(e.kind()).isEqualTo(ProfkomException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> actors.as(Fixture.MEMBER_A1, () -> sites.form(fixture.primaryA1())))
                .isInstanceOfSatisfying(
                        ProfkomException.class, e -> assertThat(e.kind()).isEqualTo(ProfkomException.Kind.FORBIDDEN));
    }

    @Test
    void refusesDocumentsThatAreNotWhatTheirNameSays() {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО аптеки");
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = "%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(refusal(() -> sites.addDocument(primary, "Устав", "устав.pdf", html)))
                .isEqualTo("portal.document.type");
        assertThat(refusal(() -> sites.addDocument(primary, "Страница", "page.html", html)))
                .isEqualTo("portal.document.type");
        assertThat(refusal(() ->
                        sites.addDocument(primary, "Большой", "big.pdf", new byte[PortalSites.MAX_DOCUMENT_BYTES + 1])))
                .isEqualTo("portal.document.tooLarge");
        SiteDocument document =
                actors.as(Fixture.ADMIN_A, () -> sites.addDocument(primary, "Устав", "C:\\docs\\устав.pdf", pdf));
        assertThat(document.fileName()).isEqualTo("устав.pdf");
        assertThat(document.contentType()).isEqualTo("application/pdf");
    }

    private String refusal(Runnable work) {
        try {
            actors.run(Fixture.ADMIN_A, work);
        } catch (ProfkomException e) {
            return e.problems().getFirst().messageKey();
        }
        return "accepted";
    }
}
