package io.github.inboxkit.jdbc.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The columns a row type writes, each with its SQL type and how to read its value from a row, so
 * that one list serves the single-row statements (named parameters) and PostgreSQL's set-based
 * insert and update of many rows, where every column travels as one text array and {@code unnest}
 * turns the arrays back into rows: one statement per batch instead of one per row, about a third
 * less server time for a hundred rows. Immutable and thread-safe.
 *
 * @param <T> the row type
 */
final class RowColumns<T> {

    /**
     * A column.
     *
     * @param name the column's name
     * @param parameter the named parameter that carries its value in single-row statements
     * @param sqlType the type its text is cast to in the set-based update ({@code uuid}, {@code text},
     *     {@code integer}, {@code boolean}, {@code timestamptz})
     * @param value its value for a row, or null
     * @param <T> the row type
     */
    record Column<T>(String name, String parameter, String sqlType, Function<T, Object> value) {}

    /**
     * A column; see {@link Column}.
     *
     * @param name the column's name
     * @param parameter its named parameter in single-row statements
     * @param sqlType its type in the set-based statements
     * @param value its value for a row, or null
     * @param <T> the row type
     * @return the column
     */
    static <T> Column<T> column(String name, String parameter, String sqlType, Function<T, Object> value) {
        return new Column<>(name, parameter, sqlType, value);
    }

    private final String table;
    private final Column<T> key;
    private final List<Column<T>> columns;
    private final String rowUpdate;
    private final String rowInsert;
    private final String setBasedUpdate;
    private final String setBasedInsert;
    private final String assignments;
    private final String arrays;
    private final String names;

    /**
     * @param table the table, whose primary key is {@code (account_id, key)}
     * @param key the key column (a uuid); a table that is only inserted into and whose key the
     *     database generates names its first uuid column here, and never uses the updates
     * @param columns the columns an update writes
     */
    RowColumns(String table, Column<T> key, List<Column<T>> columns) {
        this.table = table;
        this.key = key;
        this.columns = List.copyOf(columns);
        StringJoiner rowSet = new StringJoiner(", ");
        StringJoiner rowValues = new StringJoiner(", ");
        StringJoiner set = new StringJoiner(", ");
        StringJoiner arrays = new StringJoiner(", ");
        StringJoiner names = new StringJoiner(", ");
        rowValues.add(":account").add(parameter(key));
        arrays.add("CAST(:" + key.parameter() + " AS text[])");
        names.add(key.name());
        for (Column<T> column : this.columns) {
            rowSet.add(column.name() + " = " + parameter(column));
            rowValues.add(parameter(column));
            set.add(column.name() + " = v." + column.name() + "::" + column.sqlType());
            arrays.add("CAST(:" + column.parameter() + " AS text[])");
            names.add(column.name());
        }
        // the row is t here as in the set-based update, so that callers may add conditions on it
        this.rowUpdate = "UPDATE " + table + " t SET " + rowSet + " WHERE t.account_id = :account AND t." + key.name()
                + " = " + parameter(key);
        this.rowInsert = "INSERT INTO " + table + " (account_id, " + names + ") VALUES (" + rowValues + ")";
        this.setBasedUpdate = "UPDATE " + table + " t SET " + set + " FROM unnest(" + arrays + ") AS v(" + names
                + ") WHERE t.account_id = :account AND t." + key.name() + " = v." + key.name() + "::uuid";
        this.assignments = set.toString();
        this.arrays = arrays.toString();
        this.names = names.toString();
        StringJoiner casts = new StringJoiner(", ");
        casts.add(":account").add("v." + key.name() + "::uuid");
        this.columns.forEach(column -> casts.add("v." + column.name() + "::" + column.sqlType()));
        // in the order given, stated rather than left to unnest: a generated key (the broadcast
        // queue's position) then follows the list
        this.setBasedInsert = "INSERT INTO " + table + " (account_id, " + names + ") SELECT " + casts
                + " FROM unnest(" + arrays + ") WITH ORDINALITY AS v(" + names + ", row_number) ORDER BY v.row_number";
    }

    /**
     * The same table and key with some of the columns, for updates that write only those.
     *
     * @param names the columns' names, each one of this list's
     * @return the narrower list
     * @throws IllegalArgumentException if a name is not one of this list's columns
     */
    RowColumns<T> only(List<String> names) {
        List<Column<T>> kept = new ArrayList<>(names.size());
        for (String name : names) {
            kept.add(columns.stream().filter(column -> column.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no column " + name + " in " + this.table)));
        }
        return new RowColumns<>(table, key, kept);
    }

    /**
     * For set-based statements written around these columns: the assignments of the set-based
     * update, {@code column = v.column::type, ...}, the key excluded.
     */
    String assignments() {
        return assignments;
    }

    /**
     * For set-based statements written around these columns: the text arrays to {@code unnest},
     * key first, as {@link #bindArrays} binds them, and the names of the columns they become.
     *
     * @param withKey whether the key's array (and name) comes first
     * @return {@code unnest}'s arguments, or with {@code names} the column list after {@code AS v}
     */
    String arrays(boolean withKey) {
        return withKey ? arrays : arrays.substring(arrays.indexOf(", ") + 2);
    }

    /** @see #arrays */
    String names(boolean withKey) {
        return withKey ? names : names.substring(names.indexOf(", ") + 2);
    }

    /**
     * Binds the rows' values as {@link #arrays} names them (PostgreSQL only).
     *
     * @param statement the statement
     * @param rows the rows
     * @param withKey whether to bind the key's array too
     * @return the statement
     */
    <S extends SqlStatement<S>> S bindArrays(S statement, List<T> rows, boolean withKey) {
        if (withKey) {
            bindArray(statement, key, rows);
        }
        columns.forEach(column -> bindArray(statement, column, rows));
        return statement;
    }

    /** Binds a row's columns, not its key, to a single-row statement's named parameters. */
    <S extends SqlStatement<S>> S bindColumns(S statement, T row) {
        columns.forEach(column -> bindOne(statement, column, row));
        return statement;
    }

    /** The single-row update by key, with named parameters; the row is {@code t}. */
    String rowUpdate() {
        return rowUpdate;
    }

    /** The single-row insert, with named parameters. */
    String rowInsert() {
        return rowInsert;
    }

    /**
     * A column's named parameter as a single-row statement must write it: {@code :name}, or for a
     * uuid column {@code CAST(:name AS uuid)}, since {@link #bind} passes ids as text.
     *
     * @param column the column
     * @return the SQL expression
     */
    static String parameter(Column<?> column) {
        return column.sqlType().equals("uuid") ? "CAST(:" + column.parameter() + " AS uuid)" : ":" + column.parameter();
    }

    /** Binds a row's key and columns to a single-row statement's named parameters. */
    <S extends SqlStatement<S>> S bind(S statement, T row) {
        bindOne(statement, key, row);
        return bindColumns(statement, row);
    }

    private static <T, S extends SqlStatement<S>> void bindOne(S statement, Column<T> column, T row) {
        Object value = column.value().apply(row);
        if (column.sqlType().equals("uuid")) {
            // as text, cast in the SQL (see parameter): the same type whether null or not, which a
            // batch whose rows mix null and non-null ids needs on H2 and a null needs on PostgreSQL
            statement.bind(column.parameter(), value == null ? null : value.toString());
        } else {
            statement.bind(column.parameter(), value);
        }
    }

    /**
     * Updates many rows of one account in one statement (PostgreSQL only).
     *
     * @param handle the transaction's handle
     * @param account the account
     * @param rows the rows, each at most once
     * @return the rows updated
     */
    int updateAll(Handle handle, String account, List<T> rows) {
        return bindArrays(handle.createUpdate(setBasedUpdate).bind("account", account), rows, true).execute();
    }

    /**
     * Inserts many rows of one account in one statement (PostgreSQL only).
     *
     * @param handle the transaction's handle
     * @param account the account
     * @param rows the rows
     * @return the rows inserted
     */
    int insertAll(Handle handle, String account, List<T> rows) {
        return bindArrays(handle.createUpdate(setBasedInsert).bind("account", account), rows, true).execute();
    }

    private static <T, S extends SqlStatement<S>> void bindArray(S update, Column<T> column, List<T> rows) {
        List<String> texts = new ArrayList<>(rows.size());
        for (T row : rows) {
            Object value = column.value().apply(row);
            // seconds always written: OffsetDateTime.toString drops them when zero
            texts.add(value == null ? null : value instanceof OffsetDateTime time
                    ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time) : value.toString());
        }
        update.bindArray(column.parameter(), String.class, texts);
    }
}
