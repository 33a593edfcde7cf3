package ru.profkom.channelregistry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.stereotype.Component;
import ru.profkom.shared.ProfkomSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a channel's subscriber count: Telegram Bot API {@code getChatMemberCount}, VK {@code groups.getById} with
 * {@code fields=members_count}, at the addresses cross-posting is configured with ({@code profkom.crosspost.*-url}).
 * Every failure is a {@link ReadFailure} with a short Russian reason that never contains the token.
 */
@Component
class SubscriberApis {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ProfkomSettings settings;

    SubscriberApis(ProfkomSettings settings) {
        this.settings = settings;
    }

    static final class ReadFailure extends Exception {
        ReadFailure(String reason) {
            super(reason);
        }
    }

    int telegram(String chatId, String token) throws ReadFailure {
        String url = trim(settings.crosspost().telegramUrl().toString()) + "/bot" + token
                + "/getChatMemberCount?chat_id=" + encode(chatId);
        JsonNode answer = get(url, token);
        if (!answer.path("ok").asBoolean(false) || !answer.path("result").isNumber()) {
            throw new ReadFailure(hide(
                    "Telegram: " + answer.path("error_code").asString("?") + " "
                            + answer.path("description").asString("нет ответа"),
                    token));
        }
        return answer.path("result").asInt();
    }

    int vk(String groupId, String token) throws ReadFailure {
        String url = trim(settings.crosspost().vkUrl().toString()) + "/method/groups.getById?group_id="
                + encode(groupId.startsWith("-") ? groupId.substring(1) : groupId)
                + "&fields=members_count&access_token=" + encode(token) + "&v="
                + encode(settings.crosspost().vkVersion());
        JsonNode answer = get(url, token);
        if (answer.has("error")) {
            JsonNode error = answer.path("error");
            throw new ReadFailure(hide(
                    "VK: " + error.path("error_code").asString("?") + " "
                            + error.path("error_msg").asString(""),
                    token));
        }
        // 5.199 answers {"response":{"groups":[…]}}, earlier versions {"response":[…]}.
        JsonNode response = answer.path("response");
        JsonNode group =
                response.isArray() ? response.path(0) : response.path("groups").path(0);
        if (!group.path("members_count").isNumber()) {
            throw new ReadFailure("VK: в ответе нет числа участников");
        }
        return group.path("members_count").asInt();
    }

    private static JsonNode get(String url, String token) throws ReadFailure {
        try {
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            try {
                return JSON.readTree(response.body());
            } catch (JacksonException e) {
                throw new ReadFailure("ответ не JSON, HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new ReadFailure(hide("нет связи: " + e.getClass().getSimpleName() + " " + e.getMessage(), token));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadFailure("прервано");
        } catch (IllegalArgumentException e) {
            throw new ReadFailure("неверный адрес API");
        }
    }

    private static String hide(String text, String token) {
        return token == null || token.isEmpty() ? text : text.replace(token, "***");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String trim(String url) {
        return url.replaceAll("/+$", "");
    }
}
