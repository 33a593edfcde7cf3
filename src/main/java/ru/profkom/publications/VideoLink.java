package ru.profkom.publications;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A link to a video on YouTube, VK Video or Rutube: only https addresses of those hosts are kept. */
public record VideoLink(String url, String host) {

    private static final Set<String> HOSTS = Set.of(
            "youtube.com",
            "www.youtube.com",
            "m.youtube.com",
            "youtu.be",
            "vk.com",
            "m.vk.com",
            "vkvideo.ru",
            "www.vkvideo.ru",
            "rutube.ru",
            "www.rutube.ru");

    public static Optional<VideoLink> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 500) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            if (!"https".equals(uri.getScheme())
                    || uri.getHost() == null
                    || uri.getUserInfo() != null
                    || (uri.getPort() != -1 && uri.getPort() != 443)) {
                return Optional.empty();
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (!HOSTS.contains(host)) {
                return Optional.empty();
            }
            return Optional.of(new VideoLink(uri.toASCIIString(), host.replaceFirst("^(www|m)\\.", "")));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
