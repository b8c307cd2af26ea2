package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.MessageId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * What the SQL store's aggregates share: the transaction's handle and account, and the ways they
 * run statements (errors translated, many rows in one statement or one batch, rows read by many
 * keys) and bind values. Holds no SQL of any table.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
abstract class JdbiRows {

    /** The transaction's connection, and JDBI's handle over it when a statement needs one. */
    final Session session;
    /** The transaction's account, as bound to {@code :account}. */
    final String account;
    /** Whether many rows are written with one statement ({@code unnest}: PostgreSQL), not a batch. */
    final boolean setBased;

    JdbiRows(Session session, String account, boolean setBased) {
        this.session = session;
        this.account = account;
        this.setBased = setBased;
    }

    /** An aggregate's rows in a transaction: the transaction's session, account and dialect. */
    JdbiRows(JdbiRows transaction) {
        this(transaction.session, transaction.account, transaction.setBased);
    }

    /** @return JDBI's handle over the transaction's connection, opened on first use */
    final Handle handle() {
        return session.handle();
    }

    /** Records that the last statement committed the transaction: any further statement is refused. */
    final void endedByItsStatement() {
        session.endedByItsStatement();
    }

    /** @throws IllegalStateException if a statement committed the transaction with it: nothing may follow */
    final void checkOpen() {
        if (session.ended()) {
            throw new IllegalStateException("the transaction was committed with its one statement: nothing may follow");
        }
    }

    final <T> T run(String operation, Supplier<T> statement) {
        checkOpen();
        try {
            return statement.get();
        } catch (JdbiException e) {
            throw SqlErrors.translate(operation, e);
        }
    }


    /** Inserts or updates one row with the columns' single-row statement. */
    final <T> void writeOne(String operation, RowColumns<T> columns, boolean insert, T row) {
        run(operation, () -> columns.bind(handle().createUpdate(insert ? columns.rowInsert() : columns.rowUpdate())
                .bind("account", account), row).execute());
    }

    /**
     * Inserts or updates many rows: one set-based statement on PostgreSQL, else one batch of
     * single-row statements; a single row with {@link #writeOne}.
     */
    final <T> void writeAll(String operation, RowColumns<T> columns, boolean insert, List<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() == 1) {
            writeOne(operation, columns, insert, rows.get(0));
        } else if (setBased) {
            run(operation, () -> insert ? columns.insertAll(handle(), account, rows)
                    : columns.updateAll(handle(), account, rows));
        } else {
            batch(operation, insert ? columns.rowInsert() : columns.rowUpdate(), rows,
                    (batch, row) -> columns.bind(batch.bind("account", account), row));
        }
    }

    /**
     * Reads the rows of many keys with one statement: {@code sql} filters on the account and on
     * {@code IN (<keys>)}. Rows come into the map in the order read, the first read for a key
     * kept (so an {@code ORDER BY} can choose it); keys without a row are absent.
     *
     * @param operation what is done, for errors
     * @param sql the query
     * @param keys the keys; a key given twice is read once
     * @param bound a key's value as bound
     * @param mapper maps a row
     * @param keyOf a row's key
     * @return the rows by key
     */
    final <K, V> Map<K, V> readByKeys(String operation, String sql, Collection<K> keys, Function<K, Object> bound,
            RowMapper<V> mapper, Function<V, K> keyOf) {
        if (keys.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return firstRowPerKey(operation, () -> handle().createQuery(sql)
                .bindList("keys", keys.stream().map(bound).distinct().toList()), mapper, keyOf);
    }

    /**
     * Sends one prepared statement for many rows: one round trip (per driver batch) instead of one
     * per row.
     */
    final <T> void batch(String operation, String sql, List<T> rows,
            java.util.function.BiFunction<PreparedBatch, T, PreparedBatch> binder) {
        if (rows.isEmpty()) {
            return;
        }
        run(operation, () -> {
            PreparedBatch batch = handle().prepareBatch(sql);
            for (T row : rows) {
                binder.apply(batch, row).add();
            }
            return batch.execute();
        });
    }

    /**
     * Runs a PostgreSQL statement that looks each of {@code keys} up (bound as the text array
     * {@code :keys}, distinct and sorted, so that locking lookups take their locks in one order) and
     * maps its rows by key, the first row of a key kept.
     */
    final <K, V> Map<K, V> lookUpEach(String operation, String sql, java.util.stream.Stream<String> keys,
            RowMapper<V> mapper, Function<V, K> keyOf) {
        List<String> sorted = keys.distinct().sorted().toList();
        if (sorted.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return firstRowPerKey(operation, () -> handle().createQuery(sql).bindArray("keys", String.class, sorted),
                mapper, keyOf);
    }

    /**
     * Runs a query of the transaction's account and maps its rows by key, in the order read, the
     * first row of a key kept: what {@link #readByKeys} and {@link #lookUpEach} share.
     */
    private <K, V> Map<K, V> firstRowPerKey(String operation, Supplier<Query> query, RowMapper<V> mapper,
            Function<V, K> keyOf) {
        Map<K, V> found = new LinkedHashMap<>();
        run(operation, () -> query.get().bind("account", account).map(mapper).list())
                .forEach(row -> found.putIfAbsent(keyOf.apply(row), row));
        return found;
    }



    /** Binds a uuid or an untyped NULL (a NULL typed varchar is refused by PostgreSQL's uuid column). */
    /**
     * Deletes a conversation's rows with the given message ids from one table of this class's
     * aggregate, the table named by the caller's own statement head.
     *
     * @param operation what the statement does, for errors
     * @param deleteFrom {@code "DELETE FROM <table>"}, a table with {@code account_id},
     *     {@code conversation_id} and {@code message_id}
     * @param conversation the conversation the rows belong to
     * @param ids the messages' ids; none deletes nothing and sends no statement
     * @return how many rows went
     */
    final int deleteByMessageIds(String operation, String deleteFrom, ConversationId conversation,
            Collection<MessageId> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<UUID> values = ids.stream().map(MessageId::value).distinct().toList();
        return run(operation, () -> handle()
                .createUpdate(deleteFrom + " WHERE account_id = :account"
                        + " AND conversation_id = :conversation AND message_id IN (<ids>)")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .bindList("ids", values)
                .execute());
    }

    static <S extends SqlStatement<S>> S bindNullableUuid(
            S statement, String name, Optional<UUID> value) {
        return value.isPresent() ? statement.bind(name, value.get()) : statement.bindNull(name, java.sql.Types.OTHER);
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** As {@link #instant(ResultSet, String)}, the column by its (1-based) position. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** As {@link #nullableInstant(ResultSet, String)}, the column by its (1-based) position. */
    static Instant nullableInstant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * An instant as ISO 8601 text in UTC with nine fraction digits ({@code
     * 2026-12-03T17:48:01.123456789Z}), what the hot statements bind and cast to {@code
     * timestamptz}: the same instant as {@link Instant#toString()}, which goes through a general
     * formatter and cost a twentieth of ingestion's client time.
     *
     * @param instant an instant of the years 0 to 9999
     * @return its text
     */
    static String isoText(Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(days);
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return instant.toString();
        }
        char[] text = new char[30];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        digits(text, 20, instant.getNano(), 9);
        text[29] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * A text as search reads it (names, bodies, notes): lower-cased by the library with {@link
     * Locale#ROOT}, so that every database gives the same answers whatever its collation.
     */
    static String searchable(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

}
