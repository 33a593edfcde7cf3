package ru.profkom.members.imports;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The process holding an import's lease: its id, its host and when it started. Only a holder on this
 * host can be proven dead (its process is gone, or the id now belongs to a process that started at
 * another moment: the same server restarted, in a container as pid 1 again); a holder on another host
 * is trusted until its lease runs out. A wrong verdict costs only work: a chunk is marked applied once,
 * and rows are matched against the registry (docs/ARCHITECTURE.md, «Импорт: аренда»).
 */
record LeaseHolder(long pid, String host, Instant started) {

    /** Two readings of one process's start differ by the clock ticks they are computed from. */
    private static final Duration SAME_START = Duration.ofSeconds(1);

    private static final LeaseHolder CURRENT = new LeaseHolder(
            ProcessHandle.current().pid(),
            hostName(),
            ProcessHandle.current()
                    .info()
                    .startInstant()
                    .map(start -> Instant.ofEpochMilli(start.toEpochMilli()))
                    .orElse(null));

    static LeaseHolder current() {
        return CURRENT;
    }

    /** The stored form; null when the text is not one (an import leased before holders were recorded). */
    static LeaseHolder parse(String text) {
        if (text == null) {
            return null;
        }
        int at = text.indexOf('@');
        int hash = text.lastIndexOf('#');
        if (at <= 0 || hash < at) {
            return null;
        }
        try {
            String startText = text.substring(hash + 1);
            return new LeaseHolder(
                    Long.parseLong(text.substring(0, at)),
                    text.substring(at + 1, hash),
                    startText.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(startText)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String text() {
        return pid + "@" + host + "#" + (started == null ? "" : String.valueOf(started.toEpochMilli()));
    }

    /** "процесс 4711 на сервере app-1" */
    String display() {
        return "процесс " + pid + " на сервере " + host;
    }

    boolean isCurrent() {
        return equals(CURRENT);
    }

    /** True only when this host shows that the holder no longer runs. */
    boolean provablyDead() {
        if (isCurrent() || !host.equals(CURRENT.host)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> start = process.get().info().startInstant();
        return started != null
                && start.isPresent()
                && Duration.between(started, start.get()).abs().compareTo(SAME_START) > 0;
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
