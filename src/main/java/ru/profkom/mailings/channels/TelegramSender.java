package ru.profkom.mailings.channels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.MailingChannelEvents.ChannelUnlinked;
import ru.profkom.mailings.channels.SendOutcome.Refused;
import ru.profkom.mailings.channels.SendOutcome.RetryLater;
import ru.profkom.mailings.channels.SendOutcome.Sent;
import ru.profkom.shared.Actor;
import ru.profkom.shared.ProfkomSettings;

/**
 * Telegram through the Bot API's {@code sendMessage} to the chat the member linked through the bot, paced at
 * 25 messages a second overall and one a second to a chat (Telegram's limits for bots). A 429 holds every
 * message until its {@code retry_after} has passed (they come back as "retry later" without a call, so a
 * storm of 429 costs no requests); a chat that blocked the bot is refused for good and its link dropped.
 */
public class TelegramSender implements ChannelSender {

    static final int MAX_TEXT = 4096;

    private final ProfkomSettings.MailingChannels settings;
    private final ChannelLinkRepository links;
    private final ApplicationEventPublisher events;
    private final Pacing pacing;
    private final Sleeper sleeper;

    /** How a sender waits for its slot; tests give one that only moves their ticker. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public TelegramSender(
            ProfkomSettings.MailingChannels settings, ChannelLinkRepository links, ApplicationEventPublisher events) {
        this(settings, links, events, new Pacing(System::nanoTime, 25, Duration.ofSeconds(1)), Thread::sleep);
    }

    TelegramSender(
            ProfkomSettings.MailingChannels settings,
            ChannelLinkRepository links,
            ApplicationEventPublisher events,
            Pacing pacing,
            Sleeper sleeper) {
        this.settings = settings;
        this.links = links;
        this.events = events;
        this.pacing = pacing;
        this.sleeper = sleeper;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public List<SendOutcome> send(List<OutgoingMessage> batch) {
        List<SendOutcome> outcomes = new ArrayList<>(batch.size());
        for (OutgoingMessage message : batch) {
            outcomes.add(sendOne(message));
        }
        return outcomes;
    }

    private SendOutcome sendOne(OutgoingMessage message) {
        String token = settings.telegramBotToken();
        if (token.isBlank()) {
            return new Refused("Бот Telegram не настроен (profkom.mailing-channels.telegram-bot-token)", false);
        }
        Duration held = pacing.held();
        if (!held.isZero()) {
            return new RetryLater(held, "Telegram просит подождать");
        }
        try {
            sleeper.sleep(pacing.reserve(message.address()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RetryLater(Duration.ofSeconds(1), "Отправка прервана");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("chat_id", message.address());
        form.put("text", cut(message.text()));
        form.put("link_preview_options", "{\"is_disabled\":true}");
        JsonHttp.Answer answer;
        try {
            answer = JsonHttp.post(JsonHttp.trim(settings.telegramUrl()) + "/bot" + token + "/sendMessage", form);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            // Not connected: nothing went out, so a later retry is safe.
            return new Refused("Telegram недоступен: " + e.getClass().getSimpleName(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(JsonHttp.hide(e.getMessage(), token), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Telegram answered");
        }
        return outcomeOf(answer, message.address());
    }

    private SendOutcome outcomeOf(JsonHttp.Answer answer, String chatId) {
        if (answer.body().path("ok").asBoolean(false)) {
            return new Sent(answer.body().path("result").path("message_id").asString(null));
        }
        int code = answer.body().path("error_code").asInt(answer.status());
        String description = answer.body().path("description").asString("");
        if (code == 429) {
            long seconds = Math.max(
                    1, answer.body().path("parameters").path("retry_after").asLong(1));
            Duration wait = Duration.ofSeconds(seconds);
            pacing.holdFor(wait);
            return new RetryLater(wait, "Telegram: слишком много сообщений, повтор через " + seconds + " с");
        }
        if (code == 403) {
            drop(chatId, "blocked");
            return new Refused("Участник заблокировал бота или удалил чат; привязка Telegram снята", true);
        }
        if (code == 400 && description.toLowerCase(java.util.Locale.ROOT).contains("chat not found")) {
            drop(chatId, "chat not found");
            return new Refused("Чат Telegram не найден; привязка снята", true);
        }
        if (code >= 500) {
            return new RetryLater(Duration.ofSeconds(30), "Telegram временно не отвечает (" + code + ")");
        }
        return new Refused("Telegram отказал: " + code + " " + description, false);
    }

    private void drop(String chatId, String reason) {
        links.unlinkAddress(Channel.TELEGRAM, chatId)
                .ifPresent(person ->
                        events.publishEvent(new ChannelUnlinked(person, Channel.TELEGRAM, reason, Actor.SYSTEM)));
    }

    private static String cut(String text) {
        String body = text == null ? "" : text;
        return body.length() <= MAX_TEXT ? body : body.substring(0, MAX_TEXT - 1) + "…";
    }
}
