package ru.profkom.mailings.channels;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import ru.profkom.shared.ProfkomSettings;

/** SMTP relays for tests: the settings of one, an EmailSender to it, and postfix's smtp-sink as one. */
public final class TestRelays {

    static final Path SMTP_SINK = Path.of("/usr/sbin/smtp-sink");

    private TestRelays() {}

    /** A relay's settings; a DKIM key file signs for profkom.test with the selector "mail2026". */
    public static ProfkomSettings.Mailings settings(int port, int connections, Path dkimKey) {
        return new ProfkomSettings.Mailings(
                "127.0.0.1",
                port,
                "",
                "",
                false,
                connections,
                Duration.ofSeconds(5),
                "profkom@profkom.test",
                1024 * 1024,
                LocalTime.of(9, 0),
                LocalTime.of(21, 0),
                500,
                0,
                0,
                0,
                0,
                "",
                "",
                "",
                993,
                "",
                "",
                true,
                "INBOX",
                Duration.ofMinutes(5),
                dkimKey == null ? "" : "profkom.test",
                dkimKey == null ? "" : "mail2026",
                dkimKey == null ? "" : dkimKey.toString());
    }

    /** An EmailSender to the relay on the port (two connections, no DKIM). */
    public static EmailSender sender(int port) {
        return new EmailSender(settings(port, 2, null));
    }

    /** Postfix's smtp-sink on a free port, answering as told. */
    public record Sink(Process process, int port) implements AutoCloseable {

        public static Sink start(String... options) throws IOException, InterruptedException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new java.util.ArrayList<>(List.of(SMTP_SINK.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "nobody"));
            }
            command.addAll(List.of(options));
            command.addAll(List.of("127.0.0.1:" + port, "10"));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                    return new Sink(process, port);
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            process.destroy();
            throw new IllegalStateException("smtp-sink did not start");
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
