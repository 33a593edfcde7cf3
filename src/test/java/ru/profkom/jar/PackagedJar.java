package ru.profkom.jar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The application as users get it: the jar that {@code package} wrote into {@code target/}, started with
 * {@code java -jar} like {@code ./profkom run}, on a free port, with a fresh H2 database and the demo union.
 * Tests of the jar run in {@code verify} (failsafe, classes named {@code *IT}), after {@code package}.
 */
final class PackagedJar implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final int LOG_LINES_KEPT = 200;

    private final Process process;
    private final int port;
    private final Path home;
    private final Deque<String> lastLines = new ArrayDeque<>();

    private PackagedJar(Process process, int port, Path home) {
        this.process = process;
        this.port = port;
        this.home = home;
    }

    /** The repackaged application jar under {@code target/}, refusing to guess when there is none. */
    static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(path -> {
                        String name = path.getFileName().toString();
                        return name.startsWith("profkom-") && name.endsWith(".jar");
                    })
                    .toList();
            if (jars.size() != 1) {
                throw new IllegalStateException(
                        "Ожидался один target/profkom-*.jar (запустите ./mvnw package), найдено: " + jars);
            }
            return jars.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public address the jar is started with; absolute links must use it. */
    static final String PUBLIC_ADDRESS = "https://profkom.crawl.test";

    /** Starts the jar with the demo union loaded and waits until it greets the console. */
    static PackagedJar startWithDemo() throws IOException, InterruptedException {
        int port = freePort();
        Path home =
                Path.of("target", "packaged-jar-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(home);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx768m",
                        "-Dstdout.encoding=UTF-8",
                        "--add-modules",
                        "jdk.incubator.vector",
                        "-jar",
                        jar().toAbsolutePath().toString(),
                        "--server.port=" + port,
                        "--profkom.demo.load=true",
                        // As an installation is run: with its public address set, so that a link to localhost can
                        // only come from code that ignores it (the crawl fails on any).
                        "--profkom.base-url=" + PUBLIC_ADDRESS,
                        "--spring.datasource.url=jdbc:h2:file:" + home.resolve("db/profkom")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE",
                        "--profkom.publications.index-dir=" + home.resolve("publications-index"),
                        // Tomcat's own record of each request's time in the server (%D, microseconds), unbuffered,
                        // so the crawl reads the server time of every page it opened.
                        "--server.tomcat.accesslog.enabled=true",
                        "--server.tomcat.accesslog.directory=" + home.resolve("access"),
                        "--server.tomcat.accesslog.prefix=access",
                        "--server.tomcat.accesslog.suffix=.log",
                        "--server.tomcat.accesslog.rotate=false",
                        "--server.tomcat.accesslog.buffered=false",
                        "--server.tomcat.accesslog.pattern=%m %U %q %s %D")
                .directory(home.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("PORT");
        PackagedJar jar = new PackagedJar(builder.start(), port, home);
        // A test JVM stopped half-way (Ctrl+C, a killed build) takes the application down with it.
        Runtime.getRuntime().addShutdownHook(new Thread(jar.process::destroyForcibly));
        jar.awaitGreeting(home.resolve("server.log"));
        return jar;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Tomcat's access log: one line a request, {@code METHOD /path ?query STATUS MICROSECONDS}. */
    List<String> accessLog() throws IOException {
        Path directory = home.resolve("access");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<String> lines = new java.util.ArrayList<>();
            for (Path file : files.sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
            return lines;
        }
    }

    /** The last lines the application printed, for a failure message. */
    String logTail() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    private void awaitGreeting(Path log) throws InterruptedException, IOException {
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = Thread.ofPlatform().daemon().name("packaged-jar-log").start(() -> {
            try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    synchronized (lastLines) {
                        lastLines.addLast(line);
                        if (lastLines.size() > LOG_LINES_KEPT) {
                            lastLines.removeFirst();
                        }
                    }
                    // DemoStartup prints this once the demo union is loaded and the server is ready.
                    if (line.startsWith("Профком работает")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // The process ended; the wait below reports it.
            }
        });
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ready.await(1, TimeUnit.SECONDS)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                reader.join(Duration.ofSeconds(5));
                throw new IllegalStateException("Приложение из jar не запустилось (" + log + "):\n" + logTail());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
