package ru.profkom.mailings.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import ru.profkom.mailings.Channel;

/**
 * How many e-mails a minute EmailSender hands to postfix's smtp-sink over its reused connections; run by
 * bench/mailings-email.sh ({@code -Dprofkom.bench.mail=<messages>}), never in the build: it prints the figure
 * and only checks that every message was accepted. The messages go as the send job gives them, in batches of 500
 * from one thread, which EmailSender spreads over its connections. {@code -Dprofkom.bench.sink=<port>} sends to a
 * sink the script started (else the test starts one); {@code -Dprofkom.bench.dkim=true} signs with a 2048-bit key.
 */
@EnabledIfSystemProperty(named = "profkom.bench.mail", matches = "\\d+")
class EmailSenderBenchmark {

    private static final int BATCH = 500;

    @Test
    void handsMessagesToSmtpSink() throws Exception {
        int messages = Integer.parseInt(System.getProperty("profkom.bench.mail"));
        int connections = Integer.parseInt(System.getProperty("profkom.bench.connections", "2"));
        String external = System.getProperty("profkom.bench.sink", "");
        TestRelays.Sink sink = null;
        int port;
        if (external.isEmpty()) {
            sink = TestRelays.Sink.start();
            port = sink.port();
        } else {
            port = Integer.parseInt(external);
        }
        Path key = null;
        if (Boolean.getBoolean("profkom.bench.dkim")) {
            key = TestDkim.pem(TestDkim.keyPair(), Files.createTempDirectory("dkim"));
        }
        EmailSender sender = new EmailSender(TestRelays.settings(port, connections, key));
        try {
            ByteArrayOutputStream size = new ByteArrayOutputStream();
            sender.compose(message(0)).writeTo(size);
            long started = System.nanoTime();
            int accepted = 0;
            for (int from = 0; from < messages; from += BATCH) {
                List<OutgoingMessage> batch = new ArrayList<>(BATCH);
                for (int i = from; i < Math.min(messages, from + BATCH); i++) {
                    batch.add(message(i));
                }
                for (SendOutcome outcome : sender.send(batch)) {
                    if (outcome instanceof SendOutcome.Sent) {
                        accepted++;
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "EmailSender → smtp-sink: %d messages of %d bytes over %d connections, DKIM %s, in %.1f s ="
                            + " %.0f a minute%n",
                    accepted, size.size(), connections, key == null ? "off" : "on", seconds, accepted / seconds * 60);
            assertThat(accepted).isEqualTo(messages);
        } finally {
            sender.destroy();
            if (sink != null) {
                sink.close();
            }
        }
    }

    private static OutgoingMessage message(int i) {
        return new OutgoingMessage(
                i,
                Channel.EMAIL,
                "member" + i + "@profkom.test",
                "Собрание председателей",
                "Здравствуйте! Приглашаем на собрание 10.12.2026 в 15:00.",
                "<p>Здравствуйте! Приглашаем на собрание <b>10.12.2026</b> в 15:00.</p>",
                List.of(),
                Map.of(
                        "List-Unsubscribe",
                        "<https://profkom.test/u/" + i + ">",
                        "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click"),
                "bounce+" + i + "@profkom.test");
    }
}
