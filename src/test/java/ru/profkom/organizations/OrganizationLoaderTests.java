package ru.profkom.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Inn;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;

@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:organization-loader;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "profkom.publications.index-dir=${java.io.tmpdir}/profkom-loader-index-${random.uuid}"
        })
class OrganizationLoaderTests {

    @Autowired
    OrganizationLoader loader;

    @Autowired
    Organizations organizations;

    @Test
    void loadsATreeWhosePathsFollowItsParentsAndKeepsNumberingAfterIt() {
        // Three regions of three territorial organizations of 700 primary ones: more than a chunk.
        List<OrganizationDraft> drafts = new ArrayList<>();
        drafts.add(draft(1, null, OrganizationKind.UNION, "LOAD"));
        long id = 2;
        for (int r = 1; r <= 3; r++) {
            long regional = id++;
            drafts.add(draft(regional, 1L, OrganizationKind.REGIONAL, "LOAD-R" + r));
            for (int t = 1; t <= 3; t++) {
                long territorial = id++;
                drafts.add(draft(territorial, regional, OrganizationKind.TERRITORIAL, "LOAD-R" + r + "-T" + t));
                for (int p = 1; p <= 700; p++) {
                    drafts.add(draft(id++, territorial, OrganizationKind.PRIMARY, "LOAD-R" + r + "-T" + t + "-P" + p));
                }
            }
        }

        long lastId = id - 1;
        int loaded = CurrentActor.asSystem(() -> loader.load(drafts.stream()));

        assertThat(loaded).isEqualTo(drafts.size());
        CurrentActor.asSystem(() -> {
            Organization primary = organizations.get(lastId);
            Organization territorial = organizations.get(primary.parentId());
            Organization regional = organizations.get(territorial.parentId());
            assertThat(primary.path())
                    .isEqualTo("/1/" + regional.id() + "/" + territorial.id() + "/" + primary.id() + "/");
            assertThat(primary.depth()).isEqualTo(3);
            assertThat(primary.phone()).isEqualTo("+74951234567");
            assertThat(organizations.isWithin(primary.id(), regional.id())).isTrue();
            assertThat(organizations.isWithin(primary.id(), 2)).isFalse();
            assertThat(organizations
                            .children(territorial.id(), false, new PageRequest(0, 50))
                            .total())
                    .isEqualTo(700);
            assertThat(organizations.breadcrumbs(primary.id()))
                    .extracting(Crumb::id)
                    .containsExactly(1L, regional.id(), territorial.id(), primary.id());
            assertThat(organizations.bodies(primary.id()))
                    .extracting(AttachedBody::name)
                    .containsExactly("Профсоюзный комитет");
            assertThat(organizations.placementHistory(primary.id())).hasSize(1);

            Organization created = organizations.createChild(
                    territorial.id(), card(OrganizationKind.PRIMARY, "LOAD-NEW").withoutPhone());
            assertThat(created.id()).isEqualTo(lastId + 1);
            assertThat(created.path()).isEqualTo(territorial.path() + created.id() + "/");

            // A second load may hang under organizations already stored.
            int more =
                    loader.load(Stream.of(draft(lastId + 2, territorial.id(), OrganizationKind.PRIMARY, "LOAD-MORE")));
            assertThat(more).isEqualTo(1);
            assertThat(organizations.get(lastId + 2).path()).isEqualTo(territorial.path() + (lastId + 2) + "/");
        });
    }

    @Test
    void refusesToLoadForAnyoneButTheSystem() {
        assertThatThrownBy(() -> loader.load(Stream.of(draft(1_000_000, null, OrganizationKind.UNION, "NOPE"))))
                .isInstanceOf(ProfkomException.class)
                .extracting(e -> ((ProfkomException) e).kind())
                .isEqualTo(ProfkomException.Kind.FORBIDDEN);
    }

    @Test
    void refusesAChildOfAKindItsParentCannotHold() {
        assertThatThrownBy(() -> CurrentActor.asSystem(() -> loader.load(Stream.of(
                        draft(2_000_000, null, OrganizationKind.UNION, "BAD"),
                        draft(2_000_001, 2_000_000L, OrganizationKind.UNION, "BAD-U")))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static OrganizationDraft draft(long id, Long parentId, OrganizationKind kind, String code) {
        return new OrganizationDraft(
                id,
                parentId,
                card(kind, code).form(),
                kind == OrganizationKind.PRIMARY
                        ? List.of(new BodyDraft(BodyKind.ELECTED_BODY, "Профсоюзный комитет", "Иванова Анна Петровна"))
                        : List.of());
    }

    private record Card(OrganizationForm form) {
        OrganizationForm withoutPhone() {
            OrganizationForm f = form;
            return new OrganizationForm(
                    f.kind(),
                    f.code(),
                    f.fullName(),
                    f.shortName(),
                    f.inn(),
                    f.address(),
                    null,
                    f.email(),
                    f.website(),
                    f.employerName(),
                    f.employerInn(),
                    f.headcount(),
                    f.chairName(),
                    f.infoWorkerName(),
                    null);
        }
    }

    private static Card card(OrganizationKind kind, String code) {
        return new Card(new OrganizationForm(
                kind,
                code,
                "Организация " + code,
                code,
                null,
                "г. Москва",
                "+7 (495) 123-45-67",
                null,
                null,
                kind == OrganizationKind.PRIMARY ? "МБОУ «Школа " + code + "»" : null,
                kind == OrganizationKind.PRIMARY ? Inn.withCheckDigits("770100001") : null,
                kind == OrganizationKind.PRIMARY ? 80 : null,
                "Иванова Анна Петровна",
                null,
                null));
    }
}
