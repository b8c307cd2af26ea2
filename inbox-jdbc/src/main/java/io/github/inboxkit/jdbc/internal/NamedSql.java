package io.github.inboxkit.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Values are given by name ({@link #prepare(Connection, Map)}), or, on the ingestion path, in an
 * array with a slot per distinct name ({@link #newValues()}, {@link #slot(String)}), which spares
 * a map's filling and a look-up per {@code ?}.
 *
 * <p>Unlike JDBI's parser it does not skip quoted literals: a statement given to it must hold no
 * literal with a colon before a letter or digit (a cast written {@code ::} is fine).
 *
 * <p>Immutable and thread-safe.
 */
final class NamedSql {

    /** A name after one colon, not a cast ({@code ::}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):(\\w+)");

    /** What an array of {@link #newValues()} holds in a slot not set yet. */
    private static final Object UNSET = new Object();

    private final String positional;
    private final List<String> names;
    /** The distinct names, in the order of their first {@code ?}: the slots of a values array. */
    private final List<String> slotNames;
    /** For each {@code ?}, its name's slot. */
    private final int[] slotOfPosition;

    private NamedSql(String positional, List<String> names) {
        this.positional = positional;
        this.names = List.copyOf(names);
        this.slotNames = names.stream().distinct().toList();
        this.slotOfPosition = names.stream().mapToInt(slotNames::indexOf).toArray();
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

    /** @return the statement with a {@code ?} for each occurrence of a parameter */
    String positional() {
        return positional;
    }

    /** @return the parameters' names, in the order of the {@code ?} */
    List<String> names() {
        return names;
    }

    /**
     * The slot of a name in a values array.
     *
     * @param name a parameter's name
     * @return its slot
     * @throws IllegalArgumentException if the statement has no such parameter
     */
    int slot(String name) {
        int slot = slotNames.indexOf(name);
        if (slot < 0) {
            throw new IllegalArgumentException("the statement has no parameter " + name);
        }
        return slot;
    }

    /** @return an array with a slot per distinct name ({@link #slot}), none set yet */
    Object[] newValues() {
        Object[] values = new Object[slotNames.size()];
        Arrays.fill(values, UNSET);
        return values;
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
        Object[] slots = newValues();
        for (int slot = 0; slot < slots.length; slot++) {
            String name = slotNames.get(slot);
            if (values.containsKey(name)) {
                slots[slot] = values.get(name);
            }
        }
        return prepare(connection, slots);
    }

    /**
     * As {@link #prepare(Connection, Map)}, the values in their slots.
     *
     * @param connection the connection
     * @param values an array of {@link #newValues()}, every slot set (a value may be null)
     * @return the statement, to execute and close
     * @throws IllegalStateException if a slot was not set
     * @throws SQLException if the driver fails
     */
    PreparedStatement prepare(Connection connection, Object[] values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(positional);
        try {
            for (int i = 0; i < slotOfPosition.length; i++) {
                Object value = values[slotOfPosition[i]];
                if (value instanceof String text) {
                    statement.setString(i + 1, text); // most values: no dispatch on the type in the driver
                } else if (value != UNSET) {
                    statement.setObject(i + 1, value);
                } else {
                    throw new IllegalStateException("no value for the statement's parameter " + names.get(i));
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
