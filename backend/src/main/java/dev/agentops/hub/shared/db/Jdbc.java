package dev.agentops.hub.shared.db;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Plain SQL on the connection of the current transaction. Always called inside a unit of work opened by
 * {@code TenantTransactions} or {@code LookupTransactions}, so row-level security sees the right settings.
 * Parameters: UUID, String, numbers, Boolean, Instant, {@code List<String>} (text[]), {@link Json} (jsonb).
 */
@Singleton
public class Jdbc {

    private static final int MAX_PARAMETERS = 32_767;

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    public Jdbc(TransactionOperations<Connection> transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    /** A jsonb parameter. */
    public record Json(Object value) {
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement statement = prepare(sql, args); ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            Row row = new Row(rs, json);
            while (rs.next()) {
                rows.add(mapper.map(row));
            }
            return rows;
        } catch (SQLException e) {
            throw new DataAccessFailure(e);
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        return query(sql, mapper, args).stream().findFirst();
    }

    public int update(String sql, Object... args) {
        try (PreparedStatement statement = prepare(sql, args)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessFailure(e);
        }
    }

    /**
     * Many rows in few statements: {@code head} + {@code row} repeated with commas + {@code tail}, one statement per
     * chunk (PostgreSQL's protocol takes at most 32,767 parameters per statement). Rows of any returning clause of
     * {@code tail} are mapped by {@code mapper} (null when there is none).
     */
    public <T> List<T> rows(String head, String row, List<Object[]> rows, String tail, RowMapper<T> mapper) {
        List<T> returned = new ArrayList<>();
        if (rows.isEmpty()) {
            return returned;
        }
        int perRow = rows.get(0).length;
        int chunk = Math.max(1, Math.min(1000, MAX_PARAMETERS / perRow));
        for (int from = 0; from < rows.size(); from += chunk) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + chunk));
            StringBuilder sql = new StringBuilder(head.length() + part.size() * (row.length() + 2) + tail.length());
            sql.append(head).append(' ');
            Object[] args = new Object[part.size() * perRow];
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(row);
                System.arraycopy(part.get(i), 0, args, i * perRow, perRow);
            }
            sql.append(' ').append(tail);
            if (mapper == null) {
                update(sql.toString(), args);
            } else {
                returned.addAll(query(sql.toString(), mapper, args));
            }
        }
        return returned;
    }

    /** The same statement for every argument list, sent in one round trip (a JDBC batch). */
    public void batch(String sql, List<Object[]> argumentLists) {
        if (argumentLists.isEmpty()) {
            return;
        }
        Connection connection = transactions.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] args : argumentLists) {
                for (int i = 0; i < args.length; i++) {
                    bind(connection, statement, i + 1, args[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessFailure(e.getNextException() != null ? e.getNextException() : e);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        Connection connection = transactions.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            bind(connection, statement, i + 1, args[i]);
        }
        return statement;
    }

    private void bind(Connection connection, PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
        } else if (value instanceof Collection<?> list) {
            Array array = connection.createArrayOf("text", list.stream().map(String::valueOf).toArray());
            statement.setArray(index, array);
        } else if (value instanceof Json wrapped) {
            statement.setObject(index, toJson(wrapped.value()), Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Typed access to the current row of a result set. */
    public static final class Row {
        private final ResultSet rs;
        private final JsonMapper json;

        Row(ResultSet rs, JsonMapper json) {
            this.rs = rs;
            this.json = json;
        }

        public String string(String column) throws SQLException {
            return rs.getString(column);
        }

        public UUID uuid(String column) throws SQLException {
            return rs.getObject(column, UUID.class);
        }

        public long longValue(String column) throws SQLException {
            return rs.getLong(column);
        }

        public Long nullableLong(String column) throws SQLException {
            long value = rs.getLong(column);
            return rs.wasNull() ? null : value;
        }

        public int intValue(String column) throws SQLException {
            return rs.getInt(column);
        }

        public boolean bool(String column) throws SQLException {
            return rs.getBoolean(column);
        }

        public BigDecimal decimal(String column) throws SQLException {
            return rs.getBigDecimal(column);
        }

        public Instant instant(String column) throws SQLException {
            Timestamp timestamp = rs.getTimestamp(column);
            return timestamp == null ? null : timestamp.toInstant();
        }

        public List<String> strings(String column) throws SQLException {
            Array array = rs.getArray(column);
            return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> jsonObject(String column) throws SQLException {
            String text = rs.getString(column);
            if (text == null) {
                return null;
            }
            try {
                return json.readValue(text, Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** SQL failures are programming or infrastructure errors: they surface as 500 without their text. */
    public static final class DataAccessFailure extends RuntimeException {
        private final String sqlState;

        DataAccessFailure(SQLException cause) {
            super(cause.getMessage(), cause);
            this.sqlState = cause.getSQLState();
        }

        public String sqlState() {
            return sqlState;
        }
    }
}
