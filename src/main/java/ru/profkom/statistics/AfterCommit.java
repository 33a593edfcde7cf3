package ru.profkom.statistics;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Handles an event after its transaction commits, on another thread and, unlike Modulith's
 * {@code @ApplicationModuleListener}, outside any transaction: {@link StatisticsUpdater} opens one per
 * write, so a listener holds one database connection at a time, and a burst of events (the chunks of
 * a big import) cannot take every connection of the pool from the requests. The event publication
 * registry still records each event until its listener returns.
 */
@Async
@TransactionalEventListener
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface AfterCommit {}
