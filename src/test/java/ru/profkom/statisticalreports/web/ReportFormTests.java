package ru.profkom.statisticalreports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.profkom.support.Refusals.assertRefused;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.statisticalreports.ReportChanges;
import ru.profkom.statisticalreports.ReportLine;

class ReportFormTests {

    @Test
    void readsNumbersWithSpacesAndLeavesUntouchedRegistryLinesToTheRegistry() {
        Map<String, String> form = new HashMap<>();
        form.put("version", "3");
        form.put("MEMBERS", "1 250");
        form.put("registry.MEMBERS", "1200");
        form.put("WOMEN", "800");
        form.put("registry.WOMEN", "800");
        form.put("TRAINED_ACTIVISTS", " 12 ");
        form.put("COLLECTIVE_AGREEMENTS", "");

        ReportChanges changes = StatisticalReportPages.changes(form);

        assertThat(changes.version()).isEqualTo(3);
        assertThat(changes.lines())
                .containsEntry(ReportLine.MEMBERS, 1250L)
                .containsEntry(ReportLine.WOMEN, null)
                .containsEntry(ReportLine.TRAINED_ACTIVISTS, 12L)
                .containsEntry(ReportLine.COLLECTIVE_AGREEMENTS, null)
                .doesNotContainKey(ReportLine.YOUTH);
    }

    @Test
    void refusesTextThatIsNoWholeNumberNamingEachLine() {
        Map<String, String> form = new HashMap<>();
        form.put("MEMBERS", "двести");
        form.put("WOMEN", "12,5");
        form.put("HEADCOUNT", "99999999999999999999");
        form.put("JOINED", "-4");

        ProfkomException refusal = assertRefused(
                Kind.INVALID, "MEMBERS", "statreport.value.notNumber", () -> StatisticalReportPages.changes(form));

        assertThat(refusal.problems())
                .extracting(ProfkomException.Problem::field, ProfkomException.Problem::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("MEMBERS", "statreport.value.notNumber"),
                        org.assertj.core.groups.Tuple.tuple("WOMEN", "statreport.value.notNumber"),
                        org.assertj.core.groups.Tuple.tuple("HEADCOUNT", "statreport.value.tooLarge"));
    }
}
