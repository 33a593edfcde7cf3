package ru.profkom.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import ru.profkom.mail.OutgoingMail.MailStatus;
import ru.profkom.shared.PageRequest;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestMail;

@ProfkomIntegrationTest
class MailOutboxTests {

    private static final Duration PATIENCE = Patience.AFTER_COMMIT;

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void sendsACommittedMessageOnceInUtf8() throws Exception {
        String recipient = Fixture.unique("committed") + "@profkom.test";

        long id =
                transactions.execute(status -> outbox.enqueue(recipient, "Тема: приглашение", "Текст письма — «ёлка»"));

        List<MimeMessage> received =
                await().atMost(PATIENCE).until(() -> TestMail.receivedBy(recipient), list -> !list.isEmpty());
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getSubject()).isEqualTo("Тема: приглашение");
        assertThat(((String) received.getFirst().getContent()).strip()).isEqualTo("Текст письма — «ёлка»");
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MailStatus.SENT));
        assertThat(message(id).attempts()).isEqualTo(1);
        assertThat(message(id).sentAt()).isNotNull();
    }

    @Test
    void sendsNothingWhenTheCausingTransactionRollsBack() {
        String rolledBack = Fixture.unique("rolled-back") + "@profkom.test";
        String committed = Fixture.unique("after-rollback") + "@profkom.test";

        transactions.executeWithoutResult(status -> {
            outbox.enqueue(rolledBack, "Не уйдёт", "Изменение отменено");
            status.setRollbackOnly();
        });
        long marker = transactions.execute(status -> outbox.enqueue(committed, "Уйдёт", "Изменение сохранено"));

        assertThat(recentRecipients()).doesNotContain(rolledBack);
        await().atMost(PATIENCE).until(() -> !TestMail.receivedBy(committed).isEmpty());
        // Messages go out in the order they were queued, so the rolled-back one would have gone first.
        assertThat(TestMail.receivedBy(rolledBack)).isEmpty();
        // The dispatcher marks the message sent after the SMTP server has it: wait for that commit too.
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(message(marker).status()).isEqualTo(MailStatus.SENT));
    }

    @Test
    void refusesToQueueOutsideATransaction() {
        String recipient = Fixture.unique("no-transaction") + "@profkom.test";

        assertThatThrownBy(() -> outbox.enqueue(recipient, "Без транзакции", "Нельзя"))
                .isInstanceOf(IllegalTransactionStateException.class);

        assertThat(recentRecipients()).doesNotContain(recipient);
    }

    private OutgoingMail message(long id) {
        return outbox.recent(PageRequest.of(0, 200)).items().stream()
                .filter(mail -> mail.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private List<String> recentRecipients() {
        return outbox.recent(PageRequest.of(0, 200)).items().stream()
                .map(OutgoingMail::recipient)
                .toList();
    }
}
