package dev.agentops.hub.shared.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures the exact bytes the production logback.xml writes, in a chosen LOG_FORMAT, with every logger turned
 * up to TRACE where secrets could travel (HTTP, security, our code). Closing restores the normal configuration.
 */
final class CapturedLogs implements AutoCloseable {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    CapturedLogs(String format) {
        configure(format);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.iteratorForAppenders().forEachRemaining(appender -> {
            if (appender instanceof OutputStreamAppender<?> stream) {
                stream.setOutputStream(new TeeStream(captured, System.out));
            }
        });
        root.setLevel(Level.INFO);
        for (String name : new String[] {"io.micronaut.http", "io.micronaut.security", "io.micronaut.web.router",
            "dev.agentops", "agentops"}) {
            context.getLogger(name).setLevel(Level.TRACE);
        }
    }

    String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.clearProperty("LOG_FORMAT");
        configure(null);
    }

    private void configure(String format) {
        if (format == null) {
            System.clearProperty("LOG_FORMAT");
        } else {
            System.setProperty("LOG_FORMAT", format);
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(getClass().getResource("/logback.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the console output visible while recording it. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final PrintStream second;

        TeeStream(OutputStream first, PrintStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            try {
                first.write(b);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            try {
                first.write(bytes, offset, length);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
