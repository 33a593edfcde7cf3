package ru.profkom.mailings.channels;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import ru.profkom.shared.ProfkomSettings;
import ru.profkom.shared.PublicAddress;

/**
 * The channel adapters and the Telegram bot as beans, over {@code profkom.mailing-channels.*}.
 *
 * <p>The bot polls {@code getUpdates} from a recurring db-scheduler job rather than taking a webhook: a webhook
 * needs this installation reachable from Telegram over public HTTPS with a valid certificate, which a union's
 * server behind a NAT or a corporate proxy often is not, and an unauthenticated POST endpoint beside the signed-in
 * pages; polling needs only outgoing HTTPS, and the scheduler runs it on one node at a time, so two nodes never
 * answer the same update. The cost is the poll interval's delay before an answer (5 s by default).
 */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    static final String BOT_TASK = "mailing-telegram-bot";

    @Bean
    TelegramSender telegramSender(
            ProfkomSettings settings, ChannelLinkRepository links, ApplicationEventPublisher events) {
        return new TelegramSender(settings.mailingChannels(), links, events);
    }

    @Bean
    VkSender vkSender(ProfkomSettings settings) {
        return new VkSender(settings.mailingChannels());
    }

    @Bean(destroyMethod = "close")
    SmsSender smsSender(ProfkomSettings settings, OutboxReceipts receipts, Clock clock) {
        return new SmsSender(settings.mailingChannels(), receipts, clock);
    }

    @Bean
    TelegramBot telegramBot(
            ProfkomSettings settings,
            ChannelLinkRepository links,
            PublicAddress publicAddress,
            MessageSource messages,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        return new TelegramBot(settings.mailingChannels(), links, publicAddress, messages, transactions, events, clock);
    }

    @Bean
    Task<Void> telegramBotTask(TelegramBot bot, ProfkomSettings settings) {
        return Tasks.recurring(
                        BOT_TASK, FixedDelay.of(settings.mailingChannels().telegramPollInterval()))
                .execute((instance, context) -> bot.poll());
    }
}
