package ru.profkom.mailings.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.profkom.mailings.tracking.BounceRules.Verdict;

class BounceRulesTests {

    private static String dsn(String action, String status, String diagnostic) {
        return "Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.ru\r\n\r\n"
                + "Final-Recipient: rfc822; ivan@example.ru\r\nAction: " + action + "\r\nStatus: " + status + "\r\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\r\n";
    }

    @Test
    void marksAnAddressThatDoesNotExistUndeliverable() {
        var bounce = BounceRules.read(
                        "MAILER-DAEMON@mx.example.ru",
                        "Undelivered Mail Returned to Sender",
                        dsn(
                                "failed",
                                "5.1.1",
                                "550 5.1.1 <ivan@example.ru>: Recipient address rejected:\r\n    User unknown"))
                .orElseThrow();

        assertThat(bounce.verdict()).isEqualTo(Verdict.UNDELIVERABLE);
        assertThat(bounce.statusCode()).isEqualTo("5.1.1");
        assertThat(bounce.reason())
                .isEqualTo("Письмо вернулось: адрес не существует (5.1.1: 550 5.1.1 <ivan@example.ru>: Recipient"
                        + " address rejected: User unknown)");
        assertThat(BounceRules.read(null, null, dsn("failed", "5.2.1", "550 mailbox disabled")))
                .map(BounceRules.Bounce::verdict)
                .contains(Verdict.UNDELIVERABLE);
    }

    @Test
    void failsOnlyTheMessageForAnotherPermanentRefusal() {
        assertThat(BounceRules.read(null, null, dsn("failed", "5.2.2", "552 Mailbox full")))
                .map(BounceRules.Bounce::verdict)
                .contains(Verdict.FAILED);
        assertThat(BounceRules.read(null, null, dsn("failed", "5.7.1", "554 Rejected as spam")))
                .map(BounceRules.Bounce::verdict)
                .contains(Verdict.FAILED);
    }

    @Test
    void ignoresADelayAndATemporaryFailure() {
        assertThat(BounceRules.read("MAILER-DAEMON@x", "Delayed Mail", dsn("delayed", "4.4.1", "timeout")))
                .isEmpty();
        assertThat(BounceRules.read("MAILER-DAEMON@x", "Undelivered", dsn("failed", "4.2.2", "over quota")))
                .isEmpty();
    }

    @Test
    void takesAReturnedMessageWithoutAStatusOnlyFromAMailerDaemon() {
        assertThat(BounceRules.read("MAILER-DAEMON@mx.example.ru", "failure notice", "Sorry, I could not deliver"))
                .map(BounceRules.Bounce::verdict)
                .contains(Verdict.FAILED);
        assertThat(BounceRules.read("robot@mail.ru", "Письмо не доставлено", "Адресат не найден"))
                .map(BounceRules.Bounce::verdict)
                .contains(Verdict.FAILED);
        // a person's answer or an auto-reply is not a bounce
        assertThat(BounceRules.read("ivan@example.ru", "Re: Приглашение", "Спасибо, буду"))
                .isEmpty();
        assertThat(BounceRules.read("ivan@example.ru", "Автоответ: в отпуске", "Вернусь 10.01.2027"))
                .isEmpty();
    }
}
