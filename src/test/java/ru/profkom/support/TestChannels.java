package ru.profkom.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * One local HTTP server for the whole test run that the shared context's cross-posting adapters call instead of
 * the Telegram Bot API and VK ({@code profkom.crosspost.*-url}, set once at start); tests add and remove the
 * answering handlers they need.
 */
public final class TestChannels {

    private static HttpServer server;

    private TestChannels() {}

    public static synchronized HttpServer server() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.start();
            HttpServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.stop(0)));
        }
        return server;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + server().getAddress().getPort();
    }
}
