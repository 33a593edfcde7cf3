package ru.profkom.mailings.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import ru.profkom.mailings.Channel;

/**
 * How many e-mails a minute EmailSender hands to postfix's smtp-sink over its reused connections; run by
 * bench/mailings-email.sh ({@code -Dprofkom.bench.mail=<messages>}), never in the build: it prints the figure
 * and only checks that every message was accepted.
 */
@EnabledIfSystemProperty(named = "profkom.bench.mail", matches = "\\d+")
class EmailSenderBenchmark {

    @Test
    void handsMessagesToSmtpSink() throws Exception {
        int messages = Integer.parseInt(System.getProperty("profkom.bench.mail"));
        int connections = Integer.parseInt(System.getProperty("profkom.bench.connections", "2"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("/usr/sbin/smtp-sink"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody"));
        }
        command.addAll(List.of("127.0.0.1:" + port, "100"));
        Process sink = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread.sleep(500);
        Path key = null;
        if (Boolean.getBoolean("profkom.bench.dkim")) {
            key = TestDkim.pem(TestDkim.keyPair(), Files.createTempDirectory("dkim"));
        }
        EmailSender sender = new EmailSender(TestRelays.settings(port, connections, key));
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        try {
            long started = System.nanoTime();
            List<Future<Integer>> parts = new ArrayList<>();
            for (int worker = 0; worker < connections; worker++) {
                int first = worker;
                parts.add(workers.submit(() -> {
                    int sent = 0;
                    for (int i = first; i < messages; i += connections) {
                        OutgoingMessage message = new OutgoingMessage(
                                i,
                                Channel.EMAIL,
                                "member" + i + "@profkom.test",
                                "Собрание председателей",
                                "Здравствуйте! Приглашаем на собрание 10.12.2026 в 15:00.",
                                "<p>Здравствуйте! Приглашаем на собрание <b>10.12.2026</b> в 15:00.</p>",
                                List.of(),
                                Map.of("List-Unsubscribe", "<https://profkom.test/u/" + i + ">"),
                                "bounce+" + i + "@profkom.test");
                        if (sender.send(List.of(message)).getFirst() instanceof SendOutcome.Sent) {
                            sent++;
                        }
                    }
                    return sent;
                }));
            }
            int accepted = 0;
            for (Future<Integer> part : parts) {
                accepted += part.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "EmailSender → smtp-sink: %d messages over %d connections, DKIM %s, in %.1f s = %.0f a minute%n",
                    accepted, connections, key == null ? "off" : "on", seconds, accepted / seconds * 60);
            assertThat(accepted).isEqualTo(messages);
        } finally {
            workers.shutdownNow();
            sender.destroy();
            sink.destroy();
        }
    }
}
