package ru.profkom.mailings.channels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.channels.SendOutcome.Refused;
import ru.profkom.mailings.channels.SendOutcome.RetryLater;
import ru.profkom.mailings.channels.SendOutcome.Sent;
import ru.profkom.shared.ProfkomSettings;
import tools.jackson.databind.JsonNode;

/**
 * VK through the community's {@code messages.send}: the messages of a batch that carry the same text go in one
 * call with up to 100 {@code peer_ids}; personalised texts go one a call. Only members who allowed the
 * community's messages are linked ({@link #messagesAllowed}); VK's answer per peer decides each outcome.
 */
public class VkSender implements ChannelSender {

    static final int MAX_PEERS = 100;
    private static final int MAX_TEXT = 4096;

    private final ProfkomSettings.MailingChannels settings;
    private final Pacing pacing;

    /** Whether VK lets the community write to a user. */
    public enum Permission {
        ALLOWED,
        NOT_ALLOWED,
        UNAVAILABLE
    }

    public VkSender(ProfkomSettings.MailingChannels settings) {
        // VK allows a community key 20 calls a second.
        this(settings, new Pacing(System::nanoTime, 20, Duration.ZERO));
    }

    VkSender(ProfkomSettings.MailingChannels settings, Pacing pacing) {
        this.settings = settings;
        this.pacing = pacing;
    }

    @Override
    public Channel channel() {
        return Channel.VK;
    }

    @Override
    public int maxBatch() {
        return MAX_PEERS;
    }

    @Override
    public List<SendOutcome> send(List<OutgoingMessage> batch) {
        SendOutcome[] outcomes = new SendOutcome[batch.size()];
        if (settings.vkGroupToken().isBlank()) {
            Arrays.fill(
                    outcomes,
                    new Refused("Ключ сообщества VK не настроен (profkom.mailing-channels.vk-group-token)", false));
            return List.of(outcomes);
        }
        Map<String, List<Integer>> byText = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byText.computeIfAbsent(text(batch.get(i)), t -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> group : byText.entrySet()) {
            List<Integer> indexes = group.getValue();
            for (int from = 0; from < indexes.size(); from += MAX_PEERS) {
                List<Integer> chunk = indexes.subList(from, Math.min(indexes.size(), from + MAX_PEERS));
                sendChunk(group.getKey(), chunk, batch, outcomes);
            }
        }
        return List.of(outcomes);
    }

    /** Asks VK whether the user allowed the community's messages ({@code messages.isMessagesFromGroupAllowed}). */
    public Permission messagesAllowed(long userId) {
        if (settings.vkGroupToken().isBlank() || settings.vkGroupId() == 0) {
            return Permission.UNAVAILABLE;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("group_id", String.valueOf(settings.vkGroupId()));
        form.put("user_id", String.valueOf(userId));
        try {
            JsonHttp.Answer answer = call("messages.isMessagesFromGroupAllowed", form);
            JsonNode allowed = answer.body().path("response").path("is_allowed");
            if (allowed.isMissingNode()) {
                return Permission.UNAVAILABLE;
            }
            return allowed.asInt(0) == 1 ? Permission.ALLOWED : Permission.NOT_ALLOWED;
        } catch (IOException e) {
            return Permission.UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Permission.UNAVAILABLE;
        }
    }

    private void sendChunk(String text, List<Integer> chunk, List<OutgoingMessage> batch, SendOutcome[] outcomes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("peer_ids", chunk.stream().map(i -> batch.get(i).address()).collect(Collectors.joining(",")));
        form.put("message", text);
        // VK drops a repeat with the same random_id to the same peer: a retried call never doubles a message.
        form.put("random_id", String.valueOf(batch.get(chunk.getFirst()).outboxId() % Integer.MAX_VALUE));
        JsonHttp.Answer answer;
        try {
            answer = call("messages.send", form);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            fill(outcomes, chunk, new Refused("VK недоступен: " + e.getClass().getSimpleName(), false));
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(JsonHttp.hide(e.getMessage(), settings.vkGroupToken()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while VK answered");
        }
        JsonNode error = answer.body().path("error");
        if (!error.isMissingNode()) {
            fill(
                    outcomes,
                    chunk,
                    outcomeOf(
                            error.path("error_code").asInt(0),
                            error.path("error_msg").asString("")));
            return;
        }
        JsonNode response = answer.body().path("response");
        if (!response.isArray()) {
            fill(outcomes, chunk, new Refused("VK: непонятный ответ, HTTP " + answer.status(), false));
            return;
        }
        Map<String, JsonNode> byPeer = new HashMap<>();
        for (JsonNode item : response) {
            byPeer.put(item.path("peer_id").asString(""), item);
        }
        for (int index : chunk) {
            JsonNode item = byPeer.get(batch.get(index).address());
            if (item == null) {
                outcomes[index] = new Refused("VK не ответил об этом получателе", false);
            } else if (item.has("error")) {
                JsonNode peerError = item.path("error");
                outcomes[index] = outcomeOf(
                        peerError
                                .path("code")
                                .asInt(peerError.path("error_code").asInt(0)),
                        peerError
                                .path("description")
                                .asString(peerError.path("error_msg").asString("")));
            } else {
                outcomes[index] = new Sent(item.path("message_id").asString(null));
            }
        }
    }

    /** VK's error codes: 6 and 9 are its rate limits, 901 and 902 a user who does not take the messages. */
    static SendOutcome outcomeOf(int code, String message) {
        return switch (code) {
            case 6 -> new RetryLater(Duration.ofSeconds(1), "VK: слишком много запросов в секунду");
            case 9 -> new RetryLater(Duration.ofMinutes(1), "VK: ограничение на однотипные действия");
            case 10 -> new RetryLater(Duration.ofSeconds(30), "VK: внутренняя ошибка сервера");
            case 901 -> new Refused("VK: участник не разрешил сообщения сообщества", true);
            case 902 -> new Refused("VK: участник закрыл сообщения настройками приватности", true);
            case 5 -> new Refused("VK не принял ключ сообщества", false);
            default -> new Refused("VK отказал: " + code + " " + message, false);
        };
    }

    private JsonHttp.Answer call(String method, Map<String, String> form) throws IOException, InterruptedException {
        Thread.sleep(pacing.reserve(null));
        form.put("access_token", settings.vkGroupToken());
        form.put("v", settings.vkVersion());
        return JsonHttp.post(JsonHttp.trim(settings.vkUrl()) + "/method/" + method, form);
    }

    private static String text(OutgoingMessage message) {
        String body = message.text() == null ? "" : message.text();
        return body.length() <= MAX_TEXT ? body : body.substring(0, MAX_TEXT - 1) + "…";
    }

    private static void fill(SendOutcome[] outcomes, List<Integer> chunk, SendOutcome outcome) {
        for (int index : chunk) {
            outcomes[index] = outcome;
        }
    }
}
