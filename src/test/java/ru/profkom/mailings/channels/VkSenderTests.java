package ru.profkom.mailings.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.channels.SendOutcome.Refused;
import ru.profkom.mailings.channels.SendOutcome.RetryLater;
import ru.profkom.mailings.channels.SendOutcome.Sent;

/** VkSender against WireMock answering like VK's {@code messages.send} and {@code isMessagesFromGroupAllowed}. */
class VkSenderTests {

    @RegisterExtension
    static WireMockExtension vk = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    VkSender sender() {
        return new VkSender(ChannelSettingsForTests.http(vk.baseUrl()), new Pacing(() -> 0L, 1_000_000, Duration.ZERO));
    }

    @Test
    void sendsTheSameTextTo150PeopleInTwoCallsOfAtMost100PeerIds() {
        // One answer naming every peer of the test: each call's own peers are read from it, as from VK's.
        String perPeer = IntStream.range(1000, 1150)
                .mapToObj(p -> p == 1007
                        ? "{\"peer_id\":1007,\"error\":{\"code\":901,\"description\":\"Can't send messages for users without permission\"}}"
                        : "{\"peer_id\":" + p + ",\"message_id\":" + p + "0}")
                .collect(Collectors.joining(",", "{\"response\":[", "]}"));
        vk.stubFor(post(urlEqualTo("/method/messages.send"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(perPeer)));
        List<OutgoingMessage> batch = IntStream.range(0, 150)
                .mapToObj(i -> message(i + 1, String.valueOf(1000 + i), "Собрание в пятницу в 18:00"))
                .toList();

        List<SendOutcome> first = sender().send(batch.subList(0, 100));
        List<SendOutcome> second = sender().send(batch.subList(100, 150));

        List<LoggedRequest> calls = vk.findAll(postRequestedFor(urlEqualTo("/method/messages.send")));
        assertThat(calls).hasSize(2);
        assertThat(form(calls.get(0), "peer_ids").split(",")).hasSize(100);
        assertThat(form(calls.get(1), "peer_ids").split(",")).hasSize(50);
        assertThat(form(calls.get(0), "access_token")).isEqualTo(ChannelSettingsForTests.VK_TOKEN);
        assertThat(first.get(0)).isEqualTo(new Sent("10000"));
        assertThat(first.get(7))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.permanent()).isTrue());
        assertThat(second).hasSize(50).allSatisfy(o -> assertThat(o).isInstanceOf(Sent.class));
    }

    @Test
    void sendsPersonalisedTextsOneACallAndGroupsOnlyEqualOnes() {
        vk.stubFor(post(urlEqualTo("/method/messages.send"))
                .willReturn(aResponse()
                        .withBody("{\"response\":[{\"peer_id\":11,\"message_id\":5},{\"peer_id\":12,\"message_id\":6},"
                                + "{\"peer_id\":13,\"message_id\":7}]}")));
        List<OutgoingMessage> batch = new ArrayList<>();
        batch.add(message(1, "11", "Иван, ваш взнос получен"));
        batch.add(message(2, "12", "Мария, ваш взнос получен"));
        batch.add(message(3, "13", "Иван, ваш взнос получен"));

        List<SendOutcome> outcomes = sender().send(batch);

        List<LoggedRequest> calls = vk.findAll(postRequestedFor(urlEqualTo("/method/messages.send")));
        assertThat(calls).extracting(c -> form(c, "peer_ids")).containsExactly("11,13", "12");
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(Sent.class));
    }

    @Test
    void turnsVkRateLimitsIntoRetryLaterAndRefusalsOfTheUserIntoPermanentOnes() {
        vk.stubFor(post(urlEqualTo("/method/messages.send"))
                .withRequestBody(containing("message=six"))
                .willReturn(aResponse()
                        .withBody("{\"error\":{\"error_code\":6,\"error_msg\":\"Too many requests per second\"}}")));
        vk.stubFor(post(urlEqualTo("/method/messages.send"))
                .withRequestBody(containing("message=nine"))
                .willReturn(aResponse().withBody("{\"error\":{\"error_code\":9,\"error_msg\":\"Flood control\"}}")));
        vk.stubFor(
                post(urlEqualTo("/method/messages.send"))
                        .withRequestBody(containing("message=closed"))
                        .willReturn(
                                aResponse()
                                        .withBody(
                                                "{\"error\":{\"error_code\":902,\"error_msg\":\"Can't send messages to this user due to their privacy settings\"}}")));

        List<SendOutcome> outcomes =
                sender().send(List.of(message(1, "1", "six"), message(2, "2", "nine"), message(3, "3", "closed")));

        assertThat(outcomes.get(0))
                .isInstanceOfSatisfying(
                        RetryLater.class, r -> assertThat(r.after()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(outcomes.get(1))
                .isInstanceOfSatisfying(
                        RetryLater.class, r -> assertThat(r.after()).isEqualTo(Duration.ofMinutes(1)));
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.permanent()).isTrue();
            assertThat(r.reason()).contains("приватности");
        });
    }

    @Test
    void asksVkWhetherTheUserAllowedTheCommunitysMessages() {
        vk.stubFor(post(urlEqualTo("/method/messages.isMessagesFromGroupAllowed"))
                .withRequestBody(containing("user_id=42"))
                .willReturn(aResponse().withBody("{\"response\":{\"is_allowed\":1}}")));
        vk.stubFor(post(urlEqualTo("/method/messages.isMessagesFromGroupAllowed"))
                .withRequestBody(containing("user_id=43"))
                .willReturn(aResponse().withBody("{\"response\":{\"is_allowed\":0}}")));
        vk.stubFor(post(urlEqualTo("/method/messages.isMessagesFromGroupAllowed"))
                .withRequestBody(containing("user_id=44"))
                .willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));

        assertThat(sender().messagesAllowed(42)).isEqualTo(VkSender.Permission.ALLOWED);
        assertThat(sender().messagesAllowed(43)).isEqualTo(VkSender.Permission.NOT_ALLOWED);
        assertThat(sender().messagesAllowed(44)).isEqualTo(VkSender.Permission.UNAVAILABLE);
        assertThat(form(
                        vk.findAll(postRequestedFor(urlEqualTo("/method/messages.isMessagesFromGroupAllowed")))
                                .getFirst(),
                        "group_id"))
                .isEqualTo(String.valueOf(ChannelSettingsForTests.VK_GROUP));
    }

    static OutgoingMessage message(long outboxId, String address, String text) {
        return new OutgoingMessage(
                outboxId, Channel.VK, address, null, text, null, List.of(), java.util.Map.of(), null);
    }

    static String form(LoggedRequest request, String name) {
        return java.util.Arrays.stream(request.getBodyAsString().split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair[0].equals(name))
                .map(pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8))
                .collect(Collectors.joining());
    }
}
