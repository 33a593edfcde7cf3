package ru.profkom.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.profkom.organizations.OrganizationEvents.FieldChange;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomException.Problem;

/** The rules of an organization's form, without Spring. */
class OrganizationRulesTests {

    private static OrganizationForm form(String code, String fullName, String shortName, String email) {
        return new OrganizationForm(
                OrganizationKind.PRIMARY,
                code,
                fullName,
                shortName,
                "",
                "  ул.  Ленина,   1 ",
                null,
                email,
                " ",
                null,
                null,
                120,
                "  Иванова   Анна ",
                null,
                3);
    }

    @Test
    void storesBlanksAsNullAndNormalizesSpaces() {
        OrganizationForm clean = OrganizationRules.check(
                form(" ППО-1 ", "  Первичная   профсоюзная организация ", "ППО  завода", ""), code -> false);

        assertThat(clean.code()).isEqualTo("ППО-1");
        assertThat(clean.fullName()).isEqualTo("Первичная профсоюзная организация");
        assertThat(clean.shortName()).isEqualTo("ППО завода");
        assertThat(clean.address()).isEqualTo("ул. Ленина, 1");
        assertThat(clean.chairName()).isEqualTo("Иванова Анна");
        assertThat(clean.inn()).isNull();
        assertThat(clean.email()).isNull();
        assertThat(clean.website()).isNull();
        assertThat(clean.headcount()).isEqualTo(120);
        assertThat(clean.version()).isEqualTo(3);
    }

    @Test
    void refusesEveryProblemOfTheFormAtOnceAndAsksNothingAboutAMalformedCode() {
        List<String> asked = new ArrayList<>();

        assertThatThrownBy(() -> OrganizationRules.check(form("ППО 1!", "", "", "not-an-address"), code -> {
                    asked.add(code);
                    return false;
                }))
                .isInstanceOfSatisfying(
                        ProfkomException.class,
                        e -> assertThat(e.problems().stream().map(Problem::field))
                                .contains("code", "fullName", "shortName", "email"));
        assertThat(asked).isEmpty();
    }

    @Test
    void refusesACodeAnotherOrganizationHolds() {
        assertThatThrownBy(() -> OrganizationRules.check(form("ППО-1", "Полное", "Краткое", null), "ППО-1"::equals))
                .isInstanceOfSatisfying(
                        ProfkomException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::field, Problem::messageKey)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple("code", "organization.code.taken")));
    }

    @Test
    void namesTheFieldsAnUpdateChanged() {
        OrganizationForm before = OrganizationRules.check(form("ППО-1", "Полное", "Краткое", null), code -> false);
        OrganizationForm after =
                OrganizationRules.check(form("ППО-2", "Полное", "Краткое", "ppo@example.org"), c -> false);

        assertThat(OrganizationRules.changes(before, after))
                .containsExactly(
                        new FieldChange("code", "ППО-1", "ППО-2"), new FieldChange("email", "", "ppo@example.org"));
        assertThat(OrganizationRules.changes(before, before)).isEmpty();
    }
}
