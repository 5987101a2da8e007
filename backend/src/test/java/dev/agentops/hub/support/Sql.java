package dev.agentops.hub.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Tiny JDBC helpers for tests that look at the database directly. */
public final class Sql {

    private Sql() {
    }

    public static int update(Connection connection, String sql, Object... args) {
        try (PreparedStatement ps = prepare(connection, sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static long count(Connection connection, String sql, Object... args) {
        return column(connection, sql, args).stream().mapToLong(v -> ((Number) v).longValue()).sum();
    }

    public static List<Object> column(Connection connection, String sql, Object... args) {
        try (PreparedStatement ps = prepare(connection, sql, args); ResultSet rs = ps.executeQuery()) {
            List<Object> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getObject(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
