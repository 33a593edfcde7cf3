package ru.profkom.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * One WireMock server for the whole test run that the shared context's mailing channels call instead of the
 * Telegram Bot API and VK ({@code profkom.mailing-channels.*-url}, set once at start). By default the bot finds
 * no updates; tests add the answers they need and remove them with {@link #reset()}.
 */
public final class TestMailingPeers {

    public static final String BOT_TOKEN = "999999:CONTEXT-bot-token";
    public static final String BOT_NAME = "profkom_context_bot";
    public static final String VK_TOKEN = "vk1.a.CONTEXTgroupTOKEN";
    public static final long VK_GROUP = 4242;

    private static WireMockServer server;

    private TestMailingPeers() {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            server =
                    new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            defaults(server);
            WireMockServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return server;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + server().port();
    }

    /** Back to the default answers, the requests forgotten. */
    public static synchronized void reset() {
        server().resetAll();
        defaults(server);
    }

    private static void defaults(WireMockServer server) {
        server.stubFor(post(urlMatching("/bot[^/]+/getUpdates"))
                .atPriority(10)
                .willReturn(aResponse().withBody("{\"ok\":true,\"result\":[]}")));
    }
}
