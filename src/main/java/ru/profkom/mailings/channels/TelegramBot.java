package ru.profkom.mailings.channels;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.MailingChannelEvents.ChannelLinked;
import ru.profkom.mailings.MailingChannelEvents.ChannelUnlinked;
import ru.profkom.shared.Actor;
import ru.profkom.shared.ProfkomSettings;
import ru.profkom.shared.PublicAddress;
import tools.jackson.databind.JsonNode;

/**
 * The union's Telegram bot, reading its updates with {@code getUpdates} from a recurring job (see
 * ChannelConfiguration for why polling and not a webhook). {@code /start <token>} links the chat to the member
 * who pressed «Подключить Telegram» in the cabinet, {@code /stop} unlinks it, {@code /card} answers with the
 * link to the member's e-card. The offset is kept in the database, each update's work and the offset past it in
 * one transaction, so a restart or another node neither skips an update nor links it twice.
 */
public class TelegramBot {

    static final String OFFSET_KEY = "telegram";
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final int BATCH = 100;

    private final ProfkomSettings.MailingChannels settings;
    private final ChannelLinkRepository links;
    private final PublicAddress publicAddress;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public TelegramBot(
            ProfkomSettings.MailingChannels settings,
            ChannelLinkRepository links,
            PublicAddress publicAddress,
            MessageSource messages,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.settings = settings;
        this.links = links;
        this.publicAddress = publicAddress;
        this.messages = messages;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    public boolean enabled() {
        return !settings.telegramBotToken().isBlank();
    }

    /** One round of {@code getUpdates}: handles what came, answers each chat; returns how many updates it took. */
    public int poll() {
        if (!enabled()) {
            return 0;
        }
        long offset = transactions.execute(status -> links.nextUpdateId(OFFSET_KEY));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("offset", String.valueOf(offset));
        form.put("limit", String.valueOf(BATCH));
        form.put("timeout", "0");
        form.put("allowed_updates", "[\"message\"]");
        JsonHttp.Answer answer;
        try {
            answer = call("getUpdates", form);
        } catch (IOException e) {
            log.warn("Telegram getUpdates failed: {}", JsonHttp.hide(e.getMessage(), settings.telegramBotToken()));
            return 0;
        }
        if (!answer.body().path("ok").asBoolean(false)) {
            // 409: a webhook is set for this bot; getUpdates works only after deleteWebhook.
            log.warn(
                    "Telegram getUpdates refused: {} {}",
                    answer.body().path("error_code").asInt(answer.status()),
                    answer.body().path("description").asString(""));
            return 0;
        }
        int taken = 0;
        for (JsonNode update : answer.body().path("result")) {
            long updateId = update.path("update_id").asLong();
            if (updateId < offset) {
                continue;
            }
            JsonNode message = update.path("message");
            String chatId = message.path("chat").path("id").asString("");
            String text = message.path("text").asString("");
            boolean privateChat =
                    "private".equals(message.path("chat").path("type").asString(""));
            String reply = transactions.execute(status -> {
                String answerText = privateChat && !chatId.isEmpty() ? handle(chatId, text.strip()) : null;
                links.saveNextUpdateId(OFFSET_KEY, updateId + 1);
                return answerText;
            });
            if (reply != null) {
                answer(chatId, reply);
            }
            taken++;
        }
        return taken;
    }

    /** What the bot does with one message of a private chat and what it answers. */
    String handle(String chatId, String text) {
        String command = text.split("\\s+", 2)[0].replaceFirst("@.*$", "").toLowerCase(Locale.ROOT);
        String argument =
                text.contains(" ") ? text.substring(text.indexOf(' ') + 1).strip() : "";
        return switch (command) {
            case "/start" -> start(chatId, argument);
            case "/stop" -> stop(chatId);
            case "/card" -> card(chatId);
            default -> say("mailing.bot.help");
        };
    }

    private String start(String chatId, String token) {
        if (token.isEmpty()) {
            return links.personAt(Channel.TELEGRAM, chatId).isPresent()
                    ? say("mailing.bot.alreadyLinked")
                    : say("mailing.bot.startWithoutToken");
        }
        Optional<Long> person = links.useToken(token, Channel.TELEGRAM, clock.instant());
        if (person.isEmpty()) {
            return say("mailing.bot.tokenInvalid");
        }
        links.link(person.get(), Channel.TELEGRAM, chatId, clock.instant());
        events.publishEvent(new ChannelLinked(person.get(), Channel.TELEGRAM, Actor.SYSTEM));
        return say("mailing.bot.linked");
    }

    private String stop(String chatId) {
        Optional<Long> person = links.unlinkAddress(Channel.TELEGRAM, chatId);
        if (person.isEmpty()) {
            return say("mailing.bot.notLinked");
        }
        events.publishEvent(new ChannelUnlinked(person.get(), Channel.TELEGRAM, "/stop", Actor.SYSTEM));
        return say("mailing.bot.stopped");
    }

    private String card(String chatId) {
        if (links.personAt(Channel.TELEGRAM, chatId).isEmpty()) {
            return say("mailing.bot.notLinked");
        }
        // The card is shown in the cabinet after sign-in: a link in a chat must not open it for whoever sees it.
        return say("mailing.bot.card", publicAddress.link("/cabinet"));
    }

    private void answer(String chatId, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("chat_id", chatId);
        form.put("text", text);
        try {
            JsonHttp.Answer answer = call("sendMessage", form);
            if (!answer.body().path("ok").asBoolean(false)) {
                log.info(
                        "Telegram bot answer refused: {}",
                        answer.body().path("error_code").asInt(answer.status()));
            }
        } catch (IOException e) {
            log.warn("Telegram bot answer failed: {}", JsonHttp.hide(e.getMessage(), settings.telegramBotToken()));
        }
    }

    private JsonHttp.Answer call(String method, Map<String, String> form) throws IOException {
        try {
            return JsonHttp.post(
                    JsonHttp.trim(settings.telegramUrl()) + "/bot" + settings.telegramBotToken() + "/" + method, form);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private String say(String key, Object... arguments) {
        return messages.getMessage(key, arguments, RUSSIAN);
    }
}
