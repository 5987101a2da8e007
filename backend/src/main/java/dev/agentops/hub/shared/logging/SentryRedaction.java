package dev.agentops.hub.shared.logging;

import io.sentry.Breadcrumb;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link SecretRedactor} to every text of a Sentry event before it leaves the process (Sentry's
 * {@code beforeSend}/{@code beforeBreadcrumb} hooks): the log message and its arguments, exception messages,
 * breadcrumbs, tags, extras and the logging context. The same rules as the log output, so that what is hidden in the
 * logs is hidden in error reports too.
 */
final class SentryRedaction {

    private SentryRedaction() {
    }

    static SentryEvent redact(SentryEvent event) {
        Message message = event.getMessage();
        if (message != null) {
            message.setMessage(SecretRedactor.redact(message.getMessage()));
            message.setFormatted(SecretRedactor.redact(message.getFormatted()));
            if (message.getParams() != null) {
                message.setParams(message.getParams().stream().map(SecretRedactor::redact).toList());
            }
        }
        if (event.getExceptions() != null) {
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(SecretRedactor.redact(exception.getValue()));
            }
        }
        if (event.getBreadcrumbs() != null) {
            event.getBreadcrumbs().forEach(SentryRedaction::redact);
        }
        if (event.getTags() != null) {
            event.getTags().replaceAll((name, value) -> SecretRedactor.redact(value));
        }
        if (event.getExtras() != null) {
            event.getExtras().replaceAll((name, value) -> redactValue(value));
        }
        for (String name : Collections.list(event.getContexts().keys())) {
            event.getContexts().put(name, redactValue(event.getContexts().get(name)));
        }
        return event;
    }

    static Breadcrumb redact(Breadcrumb breadcrumb) {
        breadcrumb.setMessage(SecretRedactor.redact(breadcrumb.getMessage()));
        breadcrumb.getData().replaceAll((name, value) -> redactValue(value));
        return breadcrumb;
    }

    /** Strings, and the strings inside maps and lists (the logging context is a map); other values as they are. */
    private static Object redactValue(Object value) {
        if (value instanceof String text) {
            return SecretRedactor.redact(text);
        }
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> copy.put(key, redactValue(inner)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SentryRedaction::redactValue).toList();
        }
        return value;
    }
}
