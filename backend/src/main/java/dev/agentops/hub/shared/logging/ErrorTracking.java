package dev.agentops.hub.shared.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.sentry.Sentry;
import io.sentry.logback.SentryAppender;
import jakarta.annotation.PreDestroy;
import org.slf4j.LoggerFactory;

/**
 * With {@code SENTRY_DSN} set, every ERROR log line (with its exception) becomes a Sentry event, and the INFO and WARN
 * lines before it its breadcrumbs, through the official logback integration. Redaction runs in Sentry's hooks, before
 * the event is queued for sending (see {@link SentryRedaction}). Without a DSN nothing of Sentry is loaded.
 */
@Context
@Requires(property = "sentry.dsn", pattern = ".+")
public class ErrorTracking {

    private final SentryAppender appender = new SentryAppender();
    private final Logger root;

    ErrorTracking(@Value("${sentry.dsn}") String dsn,
                  @Value("${sentry.environment:production}") String environment,
                  @Value("${sentry.release:}") String release) {
        Sentry.init(options -> {
            options.setDsn(dsn.trim());
            options.setEnvironment(environment);
            if (!release.isBlank()) {
                options.setRelease(release);
            }
            options.setSendDefaultPii(false);
            options.setBeforeSend((event, hint) -> SentryRedaction.redact(event));
            options.setBeforeBreadcrumb((breadcrumb, hint) -> SentryRedaction.redact(breadcrumb));
        });
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setName("sentry");
        appender.setContext(context);
        appender.setMinimumEventLevel(Level.ERROR);
        appender.setMinimumBreadcrumbLevel(Level.INFO);
        appender.start();
        root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
    }

    /** Sends what is queued (bounded by Sentry's flush timeout) and detaches from logging. */
    @PreDestroy
    void close() {
        root.detachAppender(appender);
        appender.stop();
        Sentry.close();
    }
}
