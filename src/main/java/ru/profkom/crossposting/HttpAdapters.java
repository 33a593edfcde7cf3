package ru.profkom.crossposting;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.profkom.shared.ProfkomSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Telegram Bot API ({@code sendMessage}, {@code sendPhoto}) and VK ({@code wall.post}) over HTTP,
 * at addresses set by {@code profkom.crosspost.telegram-url} and {@code profkom.crosspost.vk-url}, read
 * at each call.
 */
@Configuration
class HttpAdapters {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Bean
    ChannelAdapter telegramAdapter(ProfkomSettings settings) {
        return new ChannelAdapter() {
            @Override
            public ChannelKind kind() {
                return ChannelKind.TELEGRAM;
            }

            @Override
            public void send(String target, String token, Post post) throws DeliveryException {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("chat_id", target);
                String method;
                if (post.imageUrl() != null) {
                    method = "sendPhoto";
                    form.put("photo", post.imageUrl());
                    form.put("caption", post.message(1024));
                } else {
                    method = "sendMessage";
                    form.put("text", post.message(4096));
                }
                String baseUrl = settings.crosspost().telegramUrl().toString();
                JsonNode answer = post(trim(baseUrl) + "/bot" + token + "/" + method, form, token);
                if (!answer.path("ok").asBoolean(false)) {
                    throw new DeliveryException(
                            "Telegram: " + answer.path("error_code").asString("?") + " "
                                    + answer.path("description").asString("нет ответа"));
                }
            }
        };
    }

    @Bean
    ChannelAdapter vkAdapter(ProfkomSettings settings) {
        return new ChannelAdapter() {
            @Override
            public ChannelKind kind() {
                return ChannelKind.VK;
            }

            @Override
            public void send(String target, String token, Post post) throws DeliveryException {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("owner_id", target);
                form.put("from_group", "1");
                form.put("message", post.message(15000));
                if (post.link() != null) {
                    form.put("attachments", post.link());
                }
                form.put("access_token", token);
                form.put("v", settings.crosspost().vkVersion());
                String baseUrl = settings.crosspost().vkUrl().toString();
                JsonNode answer = post(trim(baseUrl) + "/method/wall.post", form, token);
                if (answer.has("error") || !answer.path("response").has("post_id")) {
                    JsonNode error = answer.path("error");
                    throw new DeliveryException(
                            "VK: " + error.path("error_code").asString("?") + " "
                                    + error.path("error_msg").asString("нет ответа"));
                }
            }
        };
    }

    private static JsonNode post(String url, Map<String, String> form, String token)
            throws ChannelAdapter.DeliveryException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            try {
                return JSON.readTree(response.body());
            } catch (JacksonException e) {
                throw new ChannelAdapter.DeliveryException("HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new ChannelAdapter.DeliveryException(
                    hide(e.getClass().getSimpleName() + ": " + e.getMessage(), token));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelAdapter.DeliveryException("interrupted");
        } catch (IllegalArgumentException e) {
            throw new ChannelAdapter.DeliveryException(hide("bad address: " + e.getMessage(), token));
        }
    }

    /** Replaces the token wherever an error message might repeat it (a URL, for Telegram). */
    static String hide(String text, String token) {
        return text == null || token == null || token.isEmpty() ? text : text.replace(token, "***");
    }

    private static String trim(String url) {
        return url.replaceAll("/+$", "");
    }
}
