package dev.agentops.hub.pricing;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The catalog in use: the one packed in the jar ({@value #RESOURCE}), parsed once at start-up (a broken one stops
 * the start), or a newer one swapped in whole by {@link CatalogRefresher}.
 */
@Singleton
class ShippedCatalog {

    static final String RESOURCE = "pricing/catalog.json";
    private static final Logger LOG = LoggerFactory.getLogger(ShippedCatalog.class);

    private final JsonMapper json;
    private final AtomicReference<PriceCatalog> current = new AtomicReference<>();

    ShippedCatalog(JsonMapper json) {
        this.json = json;
        try (InputStream in = ShippedCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The price catalog " + RESOURCE + " is missing from the classpath");
            }
            PriceCatalog catalog = parse(in.readAllBytes());
            current.set(catalog);
            LOG.info("Price catalog {} loaded: {} models", catalog.version(), catalog.models().size());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the price catalog " + RESOURCE, e);
        }
    }

    PriceCatalog get() {
        return current.get();
    }

    /** Reads and validates a catalog document; IllegalArgumentException when it is not one. */
    PriceCatalog parse(byte[] document) {
        Map<String, Object> raw;
        try {
            raw = json.readValue(document, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getClass().getSimpleName());
        }
        if (raw == null) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return PriceCatalog.parse(raw);
    }

    void replace(PriceCatalog catalog) {
        current.set(catalog);
    }
}
