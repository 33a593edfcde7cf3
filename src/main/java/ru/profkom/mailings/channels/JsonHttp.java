package ru.profkom.mailings.channels;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** A form POST to a JSON API (the Telegram Bot API, VK's methods): the HTTP status and the parsed answer. */
final class JsonHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    record Answer(int status, JsonNode body) {}

    private JsonHttp() {}

    static Answer post(String url, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (JacksonException e) {
            json = MissingNode.getInstance();
        }
        return new Answer(response.statusCode(), json == null ? MissingNode.getInstance() : json);
    }

    static String trim(URI base) {
        return base.toString().replaceAll("/+$", "");
    }

    /** Replaces a secret wherever an error message might repeat it (the bot token is part of Telegram's URL). */
    static String hide(String text, String secret) {
        return text == null || secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
    }
}
