package io.github.inboxkit.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement written with named parameters ({@code :account}), as every statement of the store
 * is, sent through the driver with positional ones. For the hot paths only (an inbound message, an
 * inbox page): there the library's parsing of named parameters, its binding by type and its
 * mapping by column name cost as much client time as the driver itself.
 *
 * <p>Unlike JDBI's parser it does not skip quoted literals: a statement given to it must hold no
 * literal with a colon before a letter or digit (a cast written {@code ::} is fine).
 *
 * @param positional the statement with a {@code ?} for each occurrence of a parameter
 * @param names the parameters' names, in the order of the {@code ?}
 */
record NamedSql(String positional, List<String> names) {

    /** A name after one colon, not a cast ({@code ::}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):(\\w+)");

    NamedSql {
        names = List.copyOf(names);
    }

    /** Parses a statement's named parameters; cheap enough to do once per statement text, not per call. */
    static NamedSql of(String named) {
        Matcher parameter = PARAMETER.matcher(named);
        List<String> names = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        while (parameter.find()) {
            names.add(parameter.group(1));
            parameter.appendReplacement(sql, "?");
        }
        parameter.appendTail(sql);
        return new NamedSql(sql.toString(), names);
    }

    /**
     * Prepares the statement on a connection (the driver keeps it prepared on the server after a
     * few uses) with its parameters bound.
     *
     * @param connection the connection
     * @param values every parameter's value by name (a value may be null)
     * @return the statement, to execute and close
     * @throws IllegalStateException if a parameter has no value
     * @throws SQLException if the driver fails
     */
    PreparedStatement prepare(Connection connection, Map<String, Object> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(positional);
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Object value = values.get(name);
                if (value instanceof String text) {
                    statement.setString(i + 1, text); // most values: no dispatch on the type in the driver
                } else if (value != null || values.containsKey(name)) {
                    statement.setObject(i + 1, value);
                } else {
                    throw new IllegalStateException("no value for the statement's parameter " + name);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
