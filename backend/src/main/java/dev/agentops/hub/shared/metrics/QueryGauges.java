package dev.agentops.hub.shared.metrics;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Gauges whose values come from one SQL query (queue and outbox depths). The query runs only when Prometheus scrapes,
 * at most once per {@code agentops.metrics.gauge-refresh} (5 s) however many gauges and scrapers read it, so that
 * watching the backlog never adds load that grows with traffic. When the database is down the last values stay.
 */
@Singleton
public class QueryGauges {

    private static final Logger LOG = LoggerFactory.getLogger(QueryGauges.class);

    private final MeterRegistry registry;
    private final LookupTransactions lookups;
    private final Jdbc jdbc;
    private final long refreshNanos;

    QueryGauges(MeterRegistry registry, LookupTransactions lookups, Jdbc jdbc,
                @Value("${agentops.metrics.gauge-refresh:5s}") Duration refresh) {
        this.registry = registry;
        this.lookups = lookups;
        this.jdbc = jdbc;
        this.refreshNanos = refresh.toNanos();
    }

    /** A gauge named {@code name} per column: the query's one row, read through {@code door} (numbers, nulls read as 0). */
    public void register(Door door, String sql, List<Column> columns) {
        Snapshot snapshot = new Snapshot(door, sql, columns.stream().map(Column::column).toList());
        for (Column column : columns) {
            // strong: nothing else holds the snapshot, and Micrometer reports NaN once a weakly held object is collected
            Gauge.builder(column.name(), snapshot, s -> s.value(column.column()))
                .strongReference(true)
                .description(column.description())
                .baseUnit(column.baseUnit())
                .register(registry);
        }
    }

    /**
     * {@code agentops.<kind>.outbox.depth} and {@code .oldest.age}: the pending rows of an outbox table, including those
     * backing off after a failed attempt; {@code what} names its rows.
     */
    public void registerOutbox(String table, String kind, String what) {
        register(Door.NOTIFY, """
            select count(*) as depth, coalesce(extract(epoch from now() - min(created_at)), 0) as oldest
              from %s where status = 'pending'""".formatted(table),
            List.of(new Column("depth", "agentops." + kind + ".outbox.depth", "Pending " + what, null),
                new Column("oldest", "agentops." + kind + ".outbox.oldest.age", "Age of the oldest pending " + what, "seconds")));
    }

    /** One gauge: the result column it reads, the meter's name (dotted, Micrometer style), what it means, its unit or null. */
    public record Column(String column, String name, String description, String baseUnit) {
    }

    private final class Snapshot {
        private final Door door;
        private final String sql;
        private final List<String> columns;
        private final Supplier<Map<String, Double>> values =
            Suppliers.memoizeWithExpiration(this::read, Math.max(1, refreshNanos), TimeUnit.NANOSECONDS);
        private volatile Map<String, Double> last = Map.of();

        Snapshot(Door door, String sql, List<String> columns) {
            this.door = door;
            this.sql = sql;
            this.columns = columns;
        }

        double value(String column) {
            return values.get().getOrDefault(column, Double.NaN);
        }

        private Map<String, Double> read() {
            try {
                last = lookups.read(door, "on", () -> jdbc.queryOne(sql, row -> {
                    Map<String, Double> found = new HashMap<>();
                    for (String column : columns) {
                        BigDecimal value = row.decimal(column);
                        found.put(column, value == null ? 0.0 : value.doubleValue());
                    }
                    return found;
                }).orElse(Map.of()));
            } catch (RuntimeException e) {
                // at most once per refresh interval, and only while someone scrapes
                LOG.warn("Metrics query failed, the gauges keep their last values: {}", e.toString());
            }
            return last;
        }
    }
}
