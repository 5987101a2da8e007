package dev.agentops.hub.shared.db;

import java.util.ArrayList;
import java.util.List;

/** A query with optional conditions: each {@code and} is added only when its value is present. */
public final class SqlFilter {

    private final StringBuilder sql;
    private final List<Object> args = new ArrayList<>();

    public SqlFilter(String base, Object... baseArgs) {
        this.sql = new StringBuilder(base);
        this.args.addAll(List.of(baseArgs));
    }

    /** Appends {@code and <condition>} binding {@code value} to its single {@code ?}, unless the value is null. */
    public SqlFilter and(String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            args.add(value);
        }
        return this;
    }

    /** Appends raw SQL with its arguments (ordering, limits, multi-parameter conditions). */
    public SqlFilter append(String text, Object... values) {
        sql.append(text);
        args.addAll(List.of(values));
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public Object[] args() {
        return args.toArray();
    }
}
