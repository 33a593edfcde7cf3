package ru.profkom.mailings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomException.Problem;

class MailingRulesTests {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final long LIMIT = 5L * 1024 * 1024;

    private static MailingDraft valid() {
        return new MailingDraft(
                "Собрание председателей",
                "{{имя}}, приглашаем на собрание",
                Map.of(Channel.EMAIL, "Здравствуйте, {{name}}! Ваш билет {{билет}}.", Channel.SMS, "Собрание 10.12"),
                "<p>Здравствуйте, {{ имя }}</p>",
                42,
                NOW.plusSeconds(3600),
                LocalTime.of(9, 0),
                LocalTime.of(21, 0),
                Map.of("повестка.pdf", 1024L));
    }

    @Test
    void acceptsAValidDraft() {
        assertThatCode(() -> MailingRules.checkForSchedule(valid(), NOW, LIMIT)).doesNotThrowAnyException();
    }

    @Test
    void reportsEveryProblemAtOnceEachNamingItsField() {
        MailingDraft draft = new MailingDraft(
                " ",
                "Тема {{должность}}",
                Map.of(Channel.EMAIL, "Текст {{имя}} {{отчество}}"),
                "<p>{{zip}}</p>",
                0,
                NOW.minusSeconds(60),
                LocalTime.of(21, 0),
                LocalTime.of(9, 0),
                Map.of("большой.pdf", LIMIT + 1));

        ProfkomException refusal =
                catchThrowableOfType(ProfkomException.class, () -> MailingRules.checkForSchedule(draft, NOW, LIMIT));

        assertThat(refusal.kind()).isEqualTo(ProfkomException.Kind.INVALID);
        assertThat(refusal.problems())
                .extracting(Problem::field, Problem::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("title", "validation.required"),
                        org.assertj.core.groups.Tuple.tuple("audience", "mailing.rules.audienceEmpty"),
                        org.assertj.core.groups.Tuple.tuple("text.EMAIL", "mailing.rules.unknownPlaceholder"),
                        org.assertj.core.groups.Tuple.tuple("subject", "mailing.rules.unknownPlaceholder"),
                        org.assertj.core.groups.Tuple.tuple("html", "mailing.rules.unknownPlaceholder"),
                        org.assertj.core.groups.Tuple.tuple("sendAt", "mailing.rules.sendAtPast"),
                        org.assertj.core.groups.Tuple.tuple("windowEnd", "mailing.rules.windowEndBeforeStart"),
                        org.assertj.core.groups.Tuple.tuple("attachments", "mailing.rules.attachmentTooLarge"));
        assertThat(refusal.problems())
                .filteredOn(problem -> problem.field().equals("text.EMAIL"))
                .singleElement()
                .satisfies(problem -> assertThat(problem.arguments()).containsExactly("отчество"));
    }

    @Test
    void needsAChannelAndASubjectForEmail() {
        MailingDraft noChannel = new MailingDraft("Т", null, Map.of(), null, 5, null, null, null, null);
        assertThat(catchThrowableOfType(
                                ProfkomException.class, () -> MailingRules.checkForSchedule(noChannel, NOW, LIMIT))
                        .problems())
                .extracting(Problem::field)
                .containsExactly("channels");

        MailingDraft noSubject =
                new MailingDraft("Т", "", Map.of(Channel.EMAIL, "Текст"), null, 5, null, null, null, null);
        assertThat(catchThrowableOfType(
                                ProfkomException.class, () -> MailingRules.checkForSchedule(noSubject, NOW, LIMIT))
                        .problems())
                .extracting(Problem::field)
                .containsExactly("subject");
    }

    @Test
    void refusesAttachmentsOverTheLimitTogether() {
        MailingDraft draft = new MailingDraft(
                "Т",
                "Тема",
                Map.of(Channel.EMAIL, "Текст"),
                null,
                5,
                null,
                null,
                null,
                Map.of("a.pdf", LIMIT / 2 + 1, "b.pdf", LIMIT / 2 + 1));
        assertThat(catchThrowableOfType(ProfkomException.class, () -> MailingRules.checkForSchedule(draft, NOW, LIMIT))
                        .problems())
                .extracting(Problem::messageKey)
                .containsExactly("mailing.rules.attachmentsTooLarge");
    }

    @Test
    void findsUnknownPlaceholdersInOrderOnce() {
        assertThat(MailingRules.unknownPlaceholders("{{имя}} {{x}} {{ NAME }} {{y}} {{x}} {не}"))
                .containsExactly("x", "y");
    }

    @Test
    void personalisesAndEscapesValuesInHtml() {
        Map<Placeholder, String> values = Map.of(Placeholder.NAME, "Анна <b>", Placeholder.CARD_NUMBER, "77-001");
        assertThat(Personalisation.render("{{имя}}, билет {{card}} {{организация}} {{нет}}", values, false))
                .isEqualTo("Анна <b>, билет 77-001  {{нет}}");
        assertThat(Personalisation.render("<p>{{ name }}</p>", values, true)).isEqualTo("<p>Анна &lt;b&gt;</p>");
    }
}
