package dev.agentops.hub.shared.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * What PostgreSQL cannot store, found before a request is acted on: NUL characters (text and jsonb refuse U+0000,
 * also when it arrives as the JSON escape {@code \u0000}), unpaired UTF-16 surrogates and invalid UTF-8 (not valid
 * Unicode text), and numbers no column or jsonb value can hold (integers beyond 64 bits, floating-point values that
 * overflow a double). One streaming pass over the body's tokens, without building objects: the ingest endpoint runs
 * it a thousand times a second.
 */
public final class StoredText {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    static final String NUL = "must not contain NUL characters (U+0000)";
    static final String SURROGATE = "must be valid Unicode text (it contains an unpaired surrogate)";
    static final String UTF8 = "must be valid UTF-8 text";
    static final String NUMBER = "is a number out of range (integers must fit in 64 bits, decimals in a double)";

    private StoredText() {
    }

    /** The first problem of a string, or null when PostgreSQL can store it. */
    public static String problemOf(CharSequence value) {
        if (value == null) {
            return null;
        }
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return NUL;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return SURROGATE;
                }
            }
        }
        return null;
    }

    /**
     * The first problem in a JSON document, naming its field as a path ({@code events[2].payload.note}). A document
     * that is not JSON at all is left to the JSON binding, which answers {@code invalid_json}.
     */
    public static Optional<FieldProblem> problemInJson(byte[] json) {
        if (json == null || json.length == 0) {
            return Optional.empty();
        }
        JsonParser parser;
        try {
            parser = JSON.createParser(json);
        } catch (IOException e) {
            return Optional.empty();
        }
        try (parser) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                String problem = switch (token) {
                    case FIELD_NAME, VALUE_STRING -> problemOf(parser.getText());
                    case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        && (parser.getBigIntegerValue().compareTo(LONG_MIN) < 0 || parser.getBigIntegerValue().compareTo(LONG_MAX) > 0)
                        ? NUMBER : null;
                    case VALUE_NUMBER_FLOAT -> Double.isFinite(parser.getDoubleValue()) ? null : NUMBER;
                    default -> null;
                };
                if (problem != null) {
                    String path = pathOf(parser.getParsingContext());
                    return Optional.of(new FieldProblem(token == JsonToken.FIELD_NAME ? path + " (a key)" : path, problem));
                }
            }
        } catch (JsonParseException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.contains("UTF-8") || message.contains("UTF8") || message.contains("surrogate")) {
                return Optional.of(new FieldProblem(pathOf(parser.getParsingContext()), UTF8));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Field names as the API spells them (snake_case), joined with dots, array positions in brackets. */
    private static String pathOf(JsonStreamContext context) {
        Deque<Object> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.push(c.inArray() ? (Object) c.getCurrentIndex() : Objects.requireNonNullElse(c.getCurrentName(), ""));
        }
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else if (!((String) part).isEmpty()) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(printable((String) part));
            }
        }
        return out.isEmpty() ? "request" : out.toString();
    }

    /** A field name quoted back in an error must not carry the very characters that were refused. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c == 0 || Character.isSurrogate(c) || Character.isISOControl(c) ? '\uFFFD' : c);
        }
        return out.toString();
    }

}
