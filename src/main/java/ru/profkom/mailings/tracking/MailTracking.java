package ru.profkom.mailings.tracking;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.channels.OutgoingMessage;
import ru.profkom.shared.ProfkomSettings;
import ru.profkom.shared.PublicAddress;

/**
 * Makes an e-mail of an outbox row trackable just before it is handed to the relay: every http(s) link of the HTML
 * goes through {@code /m/c/{token}}, an open pixel {@code /m/o/{token}.gif} closes the HTML, both bodies end with
 * the unsubscribe link, the headers carry {@code List-Unsubscribe} (the link and a {@code mailto:}) with
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058), and the return path is the row's VERP
 * address when {@code profkom.mailings.bounce-address} is set. Messages of other channels pass unchanged.
 */
@Component
public class MailTracking {

    static final String CLICK = "/m/c/";
    static final String OPEN = "/m/o/";
    static final String UNSUBSCRIBE = "/m/u/";
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final TrackingKey key;
    private final PublicAddress publicAddress;
    private final ProfkomSettings.Mailings settings;
    private final MessageSource messages;

    MailTracking(TrackingKey key, PublicAddress publicAddress, ProfkomSettings settings, MessageSource messages) {
        this.key = key;
        this.publicAddress = publicAddress;
        this.settings = settings.mailings();
        this.messages = messages;
    }

    public OutgoingMessage decorate(OutgoingMessage message) {
        if (message.channel() != Channel.EMAIL) {
            return message;
        }
        TrackingTokens tokens = key.tokens();
        long row = message.outboxId();
        String base = publicAddress.base();
        String unsubscribe = base + UNSUBSCRIBE + tokens.unsubscribe(row);
        String html = message.html();
        if (html != null) {
            html = LinkRewriter.rewrite(
                    html,
                    (index, url) -> url.startsWith(base + "/m/")
                            ? null
                            : base + CLICK + tokens.click(row, index, url) + "?u="
                                    + URLEncoder.encode(url, StandardCharsets.UTF_8));
            String footer = "<p style=\"font-size:12px;color:#6c757d\">"
                    + LinkRewriter.escape(text("mailing.tracking.footer.html"))
                    + " <a href=\"" + LinkRewriter.escape(unsubscribe) + "\">"
                    + LinkRewriter.escape(text("mailing.tracking.footer.link")) + "</a></p>"
                    + "<img src=\"" + LinkRewriter.escape(base + OPEN + tokens.open(row) + ".gif")
                    + "\" width=\"1\" height=\"1\" alt=\"\" style=\"border:0;width:1px;height:1px\">";
            int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
            html = end < 0 ? html + footer : html.substring(0, end) + footer + html.substring(end);
        }
        String text = message.text() == null ? "" : message.text();
        text = text + "\n\n-- \n" + text("mailing.tracking.footer.text") + " " + unsubscribe + "\n";
        Map<String, String> headers = new LinkedHashMap<>(message.headers());
        String mailbox = settings.bounceAddress().isBlank() ? settings.from() : settings.bounceAddress();
        headers.put(
                "List-Unsubscribe",
                "<" + unsubscribe + ">, <mailto:" + mailbox + "?subject=unsubscribe-" + tokens.unsubscribe(row) + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        String returnPath =
                settings.bounceAddress().isBlank() ? message.returnPath() : tokens.verp(settings.bounceAddress(), row);
        return new OutgoingMessage(
                row,
                message.channel(),
                message.address(),
                message.subject(),
                text,
                html,
                message.attachments(),
                headers,
                returnPath);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, RUSSIAN);
    }
}
