package ru.profkom.channelregistry;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import ru.profkom.crossposting.ChannelKind;
import ru.profkom.crossposting.CrossPosting;
import ru.profkom.crossposting.ReadingConnection;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;

/**
 * Once a day (06:00 Moscow time, through the database scheduler, so one node reads) every connected channel's
 * subscribers are read with its organization's cross-posting token. A failed read is stored on the channel (its
 * state and reason, shown on its page) and the next channel is read; nothing is thrown. The HTTP calls run
 * outside any transaction, each result is written in one of its own.
 */
@Configuration(proxyBeanMethods = false)
class DailyCount {

    static final String TASK = "channel-registry-daily-count";
    static final LocalTime AT = LocalTime.of(6, 0);
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(DailyCount.class);

    @Bean
    Task<Void> channelRegistryDailyCount(Reader reader) {
        return Tasks.recurring(TASK, Schedules.daily(MoscowTime.ZONE, AT))
                .execute((instance, context) -> reader.readAll());
    }

    @Bean
    Reader channelReader(
            ChannelRepository repository,
            CrossPosting crossPosting,
            SubscriberApis apis,
            TransactionTemplate transactions,
            Clock clock) {
        return new Reader(repository, crossPosting, apis, transactions, clock);
    }

    /** Reads every connected channel; what a test or an administrator runs directly. */
    static class Reader {
        private final ChannelRepository repository;
        private final CrossPosting crossPosting;
        private final SubscriberApis apis;
        private final TransactionTemplate transactions;
        private final Clock clock;

        Reader(
                ChannelRepository repository,
                CrossPosting crossPosting,
                SubscriberApis apis,
                TransactionTemplate transactions,
                Clock clock) {
            this.repository = repository;
            this.crossPosting = crossPosting;
            this.apis = apis;
            this.transactions = transactions;
            this.clock = clock;
        }

        /** Reads them all; returns how many were read successfully. */
        int readAll() {
            return CurrentActor.asSystem(() -> {
                LocalDate today = MoscowTime.today(clock);
                int read = 0;
                int failed = 0;
                long after = 0;
                List<RegisteredChannel> batch;
                do {
                    batch = repository.connectedAfter(after, BATCH);
                    for (RegisteredChannel channel : batch) {
                        after = channel.id();
                        if (read(channel, today)) {
                            read++;
                        } else {
                            failed++;
                        }
                    }
                } while (batch.size() == BATCH);
                log.info("Channel registry: {} channels read, {} failed", read, failed);
                return read;
            });
        }

        boolean read(RegisteredChannel channel, LocalDate today) {
            ChannelKind connectionKind = channel.kind().telegram() ? ChannelKind.TELEGRAM : ChannelKind.VK;
            Optional<ReadingConnection> connection =
                    crossPosting.readingConnection(channel.organizationId(), connectionKind);
            String failure;
            if (connection.isEmpty()) {
                failure = connectionKind == ChannelKind.TELEGRAM
                        ? "нет подключения к Telegram в кросспостинге организации"
                        : "нет подключения к ВКонтакте в кросспостинге организации";
            } else if (channel.apiTarget() == null) {
                failure = "не указан идентификатор канала для API";
            } else {
                try {
                    int subscribers = channel.kind().telegram()
                            ? apis.telegram(
                                    channel.apiTarget(), connection.get().token())
                            : apis.vk(channel.apiTarget(), connection.get().token());
                    transactions.executeWithoutResult(status -> {
                        repository.record(channel.id(), today, subscribers, ReadingSource.API);
                        repository.markRead(channel.id(), ReadStatus.OK, null, clock.instant());
                    });
                    return true;
                } catch (SubscriberApis.ReadFailure e) {
                    failure = e.getMessage();
                }
            }
            String reason = failure;
            transactions.executeWithoutResult(
                    status -> repository.markRead(channel.id(), ReadStatus.FAILED, reason, clock.instant()));
            return false;
        }
    }
}
