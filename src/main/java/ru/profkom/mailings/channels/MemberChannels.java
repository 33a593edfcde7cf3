package ru.profkom.mailings.channels;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.MailingChannelEvents.ChannelLinked;
import ru.profkom.mailings.MailingChannelEvents.ChannelUnlinked;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomSettings;

/**
 * A member's own Telegram and VK links, for the cabinet's «Каналы связи»: the caller passes the person of the
 * signed-in account (members' MemberCabinet), never an id from a request.
 */
@Service
@Transactional
public class MemberChannels {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern VK_ID = Pattern.compile("^(?:https?://)?(?:m\\.)?(?:vk\\.com/)?(?:id)?(\\d{1,12})/?$");

    private final ChannelLinkRepository links;
    private final ProfkomSettings settings;
    private final VkSender vk;
    private final ApplicationEventPublisher events;
    private final CurrentActor currentActor;
    private final Clock clock;

    MemberChannels(
            ChannelLinkRepository links,
            ProfkomSettings settings,
            VkSender vk,
            ApplicationEventPublisher events,
            CurrentActor currentActor,
            Clock clock) {
        this.links = links;
        this.settings = settings;
        this.vk = vk;
        this.events = events;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Map<Channel, String> linksOf(long personId) {
        return links.linksOf(personId);
    }

    public boolean telegramAvailable() {
        return !settings.mailingChannels().telegramBotToken().isBlank()
                && !settings.mailingChannels().telegramBotName().isBlank();
    }

    public boolean vkAvailable() {
        return !settings.mailingChannels().vkGroupToken().isBlank()
                && settings.mailingChannels().vkGroupId() > 0;
    }

    /** Where the member allows the community's messages: the community's page, «Разрешить сообщения». */
    public String vkCommunityUrl() {
        return "https://vk.com/public" + settings.mailingChannels().vkGroupId();
    }

    /**
     * A one-time deep link to the bot ({@code https://t.me/<bot>?start=<token>}), valid for the configured time;
     * earlier unused links of the person stop working.
     */
    public String telegramLink(long personId) {
        if (!telegramAvailable()) {
            throw ProfkomException.conflict("mailing.channels.telegram.notConfigured");
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        // Telegram takes [A-Za-z0-9_-] up to 64 characters after ?start=.
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        links.voidTokens(personId, Channel.TELEGRAM, now);
        links.insertToken(
                token,
                personId,
                Channel.TELEGRAM,
                now,
                now.plus(settings.mailingChannels().linkTokenLifetime()));
        return "https://t.me/" + settings.mailingChannels().telegramBotName().replaceFirst("^@", "") + "?start="
                + token;
    }

    /** Links the member's VK page after VK confirms the member allowed the community's messages. */
    public void linkVk(long personId, String input) {
        String clean = input == null ? "" : input.strip();
        Matcher id = VK_ID.matcher(clean);
        if (clean.isEmpty()) {
            throw ProfkomException.invalid("vkId", "mailing.channels.vk.required");
        }
        if (!id.matches()) {
            throw ProfkomException.invalid("vkId", "mailing.channels.vk.badId");
        }
        if (!vkAvailable()) {
            throw ProfkomException.conflict("mailing.channels.vk.notConfigured");
        }
        long userId = Long.parseLong(id.group(1));
        // A typed id proves nothing about whose page it is: never take a page another member linked.
        if (links.personAt(Channel.VK, String.valueOf(userId))
                .filter(owner -> owner != personId)
                .isPresent()) {
            throw ProfkomException.invalid("vkId", "mailing.channels.vk.taken");
        }
        switch (vk.messagesAllowed(userId)) {
            case ALLOWED -> {
                links.link(personId, Channel.VK, String.valueOf(userId), clock.instant());
                events.publishEvent(new ChannelLinked(personId, Channel.VK, currentActor.get()));
            }
            case NOT_ALLOWED -> throw ProfkomException.invalid("vkId", "mailing.channels.vk.notAllowed");
            case UNAVAILABLE -> throw ProfkomException.conflict("mailing.channels.vk.unavailable");
        }
    }

    public void unlink(long personId, Channel channel) {
        if (links.unlink(personId, channel)) {
            events.publishEvent(new ChannelUnlinked(personId, channel, "cabinet", currentActor.get()));
        }
    }
}
