package dev.agentops.hub.costs;

import com.google.common.collect.ObjectArrays;
import dev.agentops.hub.orgs.OrganizationRepository;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The CSV export, streamed in constant memory: a writer task opens the tenant's read transaction, walks a server-side
 * cursor ({@code fetchSize}, so PostgreSQL sends rows in chunks instead of the whole result) and prints each row
 * through commons-csv (RFC 4180, CRLF, UTF-8) into a bounded pipe that the HTTP response reads from. The header row
 * is flushed before the query runs, so the first bytes leave before the query finishes, and a slow client slows the
 * writer down instead of filling memory. Each export holds a database connection while it runs, so an instance runs
 * at most {@value #MAX_CONCURRENT} at a time; the next one is told to retry (429).
 *
 * <p>{@code group_by=run} reads the runs themselves (one line per run); the other groupings read the hourly rollups
 * with the same day rule as the cost views.
 */
@Singleton
class CostExport {

    static final int MAX_CONCURRENT = 2;
    private static final int FETCH_SIZE = 2000;
    private static final int PIPE_BYTES = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(CostExport.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    enum GroupBy { RUN, DAY, AGENT, TEAM, MODEL }

    record Export(String fileName, InputStream body) {
    }

    private static final String FIGURES = """
        sum(r.cost_usd) as cost_usd, sum(r.runs) as runs, sum(r.unpriced_runs) as unpriced_runs,
        sum(r.input_tokens) as input_tokens, sum(r.output_tokens) as output_tokens""";
    private static final String[] FIGURE_COLUMNS = {"cost_usd", "runs", "unpriced_runs", "input_tokens", "output_tokens"};
    private static final String ROLLUPS = """
          from run_rollups_hourly r left join agents a on a.organization_id = r.organization_id and a.id = r.agent_id
         where r.organization_id = ? and r.bucket >= ? and r.bucket < ?""";

    private final TenantTransactions tenants;
    private final TransactionOperations<Connection> transactions;
    private final OrganizationRepository organizations;
    private final ExecutorService executor;
    private final Clock clock;
    private final Semaphore running = new Semaphore(MAX_CONCURRENT);

    CostExport(TenantTransactions tenants, TransactionOperations<Connection> transactions, OrganizationRepository organizations,
               @Named(TaskExecutors.BLOCKING) ExecutorService executor, Clock clock) {
        this.tenants = tenants;
        this.transactions = transactions;
        this.organizations = organizations;
        this.executor = executor;
        this.clock = clock;
    }

    static GroupBy groupBy(String value) {
        return value == null ? GroupBy.RUN : Arrays.stream(GroupBy.values()).filter(g -> g.name().equalsIgnoreCase(value)).findFirst()
            .orElseThrow(() -> Problems.validation("group_by", "must be one of run, day, agent, team, model"));
    }

    Export start(UUID org, Instant from, Instant to, GroupBy groupBy) {
        CostRange range = CostRange.of(from, to, clock.instant());
        String[] facts = tenants.read(org, () -> new String[]{organizations.find(org).orElseThrow().slug(), organizations.zone(org).getId()});
        if (!running.tryAcquire()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "Another export of this server is still running; retry in a minute.", Map.of());
        }
        String fileName = "agentops-costs-" + facts[0] + "-" + FILE_TIME.format(range.from()) + "-" + FILE_TIME.format(range.to())
            + "-by-" + groupBy.name().toLowerCase() + ".csv";
        AtomicReference<Throwable> failure = new AtomicReference<>();
        PipedInputStream in = new PipedInputStream(PIPE_BYTES);
        try {
            CSVPrinter csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(new PipedOutputStream(in),
                StandardCharsets.UTF_8), 64 * 1024), CSVFormat.RFC4180);
            executor.execute(() -> {
                try {
                    tenants.read(org, () -> {
                        write(csv, org, ZoneId.of(facts[1]), range, groupBy);
                        return null;
                    });
                } catch (RuntimeException | Error e) {
                    // set before the pipe closes, so that the reader sees the failure instead of a clean end
                    failure.set(e);
                    LOG.warn("Cost export of organization {} stopped: {}: {}", org, e.getClass().getSimpleName(), e.getMessage());
                } finally {
                    closeQuietly(csv);
                    running.release();
                }
            });
        } catch (IOException e) {
            running.release();
            throw new UncheckedIOException(e);
        } catch (RuntimeException rejected) {
            running.release();
            throw rejected;
        }
        return new Export(fileName, new FailingAtEnd(in, failure));
    }

    private void write(CSVPrinter csv, UUID org, ZoneId zone, CostRange range, GroupBy groupBy) {
        switch (groupBy) {
            case RUN -> stream(csv, new Object[]{"run_id", "external_reference", "agent_id", "agent_name", "team", "status",
                    "model", "start_time", "end_time", "duration_ms", "input_tokens", "output_tokens", "cache_read_tokens",
                    "cache_write_tokens", "reasoning_tokens", "cost_usd", "cost_source"}, """
                    select r.id, r.external_reference, r.agent_id, a.name, a.team, r.status, r.model, r.start_time, r.end_time,
                           r.duration_ms, r.input_tokens, r.output_tokens, r.cache_read_tokens, r.cache_write_tokens,
                           r.reasoning_tokens, r.cost_usd, r.cost_source
                      from runs r left join agents a on a.organization_id = r.organization_id and a.id = r.agent_id
                     where r.organization_id = ? and r.start_time >= ? and r.start_time < ?
                     order by r.start_time, r.id""", new Object[]{org, range.from(), range.to()}, rs -> new Object[]{
                    rs.getObject(1), CsvCells.text(rs.getString(2)), rs.getObject(3), CsvCells.text(rs.getString(4)),
                    CsvCells.text(rs.getString(5)), rs.getString(6), CsvCells.text(rs.getString(7)), instant(rs, 8),
                    instant(rs, 9), rs.getObject(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                    rs.getLong(14), rs.getLong(15), CsvCells.decimal(rs.getBigDecimal(16)), rs.getString(17)});
            case DAY -> stream(csv, header("day"),
                "select " + CostRepository.DAY_OF_BUCKET + " as day, " + FIGURES + ROLLUPS + " group by 1 order by 1",
                new Object[]{zone.getId(), org, range.from(), range.to()}, rs -> figures(rs, rs.getString(1)));
            case AGENT -> stream(csv, header("agent_id", "agent_name", "team"), "select r.agent_id, a.name, a.team, " + FIGURES
                    + ROLLUPS + " group by r.agent_id, a.name, a.team order by cost_usd desc, r.agent_id",
                new Object[]{org, range.from(), range.to()},
                rs -> figures(rs, rs.getString(1), CsvCells.text(rs.getString(2)), CsvCells.text(rs.getString(3))));
            case TEAM -> stream(csv, header("team"),
                "select a.team, " + FIGURES + ROLLUPS + " group by a.team order by cost_usd desc, a.team",
                new Object[]{org, range.from(), range.to()}, rs -> figures(rs, CsvCells.text(rs.getString(1))));
            case MODEL -> stream(csv, header("model"),
                "select nullif(r.model, '') as model, " + FIGURES + ROLLUPS + " group by 1 order by cost_usd desc, 1",
                new Object[]{org, range.from(), range.to()}, rs -> figures(rs, CsvCells.text(rs.getString(1))));
        }
    }

    @FunctionalInterface
    private interface Line {
        Object[] of(ResultSet rs) throws SQLException;
    }

    /**
     * Prints and flushes the header (so the first bytes leave before the query finishes), then walks a server-side
     * cursor: rows arrive {@value #FETCH_SIZE} at a time (needs the open transaction).
     */
    private void stream(CSVPrinter csv, Object[] header, String sql, Object[] args, Line line) {
        Connection connection = transactions.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            csv.printRecord(header);
            csv.flush();
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i] instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : args[i];
                statement.setObject(i + 1, arg);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    csv.printRecord(line.of(rs));
                }
            }
            csv.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("export query failed: " + e.getSQLState(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // the reader went away (client disconnected); nothing is left to tell
        }
    }

    private static Object[] header(String... keys) {
        return ObjectArrays.concat(keys, FIGURE_COLUMNS, Object.class);
    }

    private static Object[] figures(ResultSet rs, Object... keys) throws SQLException {
        return ObjectArrays.concat(keys, new Object[]{CsvCells.decimal(rs.getBigDecimal("cost_usd")), rs.getLong("runs"),
            rs.getLong("unpriced_runs"), rs.getLong("input_tokens"), rs.getLong("output_tokens")}, Object.class);
    }

    /** An empty cell for null, like every null the printer gets. */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * The pipe's reading end, which turns a writer failure into an I/O error at the end of the data instead of a clean
     * end of file: the response is then cut off (the client sees an incomplete transfer), never a short file that
     * looks complete.
     */
    private static final class FailingAtEnd extends FilterInputStream {
        private final AtomicReference<Throwable> failure;

        FailingAtEnd(InputStream in, AtomicReference<Throwable> failure) {
            super(in);
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            return check(in.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return check(in.read(b, off, len));
        }

        private int check(int result) throws IOException {
            if (result < 0 && failure.get() != null) {
                throw new IOException("the export failed before its end", failure.get());
            }
            return result;
        }
    }
}
