package dev.agentops.hub.shared.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

import java.nio.charset.StandardCharsets;

/**
 * Wraps the real encoder (plain text or JSON) of an appender and redacts what it produced, so that no layout,
 * converter or field of either format can write a secret. Configured in logback.xml around every appender.
 */
public class RedactingEncoder extends EncoderBase<ILoggingEvent> {

    private Encoder<ILoggingEvent> encoder;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("RedactingEncoder needs a nested <encoder>");
            return;
        }
        if (!encoder.isStarted()) {
            encoder.start();
        }
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return encoder.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] encoded = encoder.encode(event);
        String text = new String(encoded, StandardCharsets.UTF_8);
        String redacted = SecretRedactor.redact(text);
        return redacted == text ? encoded : redacted.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return encoder.footerBytes();
    }
}
