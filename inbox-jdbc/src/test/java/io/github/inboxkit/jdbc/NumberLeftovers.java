package io.github.inboxkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Finds a phone number anywhere in an account's rows of a SQL store (F40): every text column of
 * every table with an {@code account_id}, as the database's own catalogue lists them, so that a
 * table added later is searched without being named here.
 */
final class NumberLeftovers {

    private NumberLeftovers() {}

    /**
     * Where the number's last nine digits occur in the account's rows.
     *
     * @param pool the database
     * @param account the account
     * @param number the number
     * @return {@code table.column} of each hit
     */
    static List<String> find(DataSource pool, AccountId account, PhoneNumber number) {
        String digits = number.e164().substring(number.e164().length() - 9);
        try (Connection connection = pool.getConnection()) {
            Map<String, List<String>> textColumns = textColumnsOfAccountTables(connection);
            assertThat(textColumns.keySet()).as("the catalogue lists the account tables")
                    .contains("messages", "contacts", "opt_out_records", "erasure_records");
            List<String> found = new ArrayList<>();
            for (Map.Entry<String, List<String>> table : textColumns.entrySet()) {
                for (String column : table.getValue()) {
                    String sql = "SELECT count(*) FROM " + table.getKey() + " WHERE account_id = ? AND " + column
                            + " LIKE ?";
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        statement.setString(1, account.value());
                        statement.setString(2, "%" + digits + "%");
                        try (ResultSet rows = statement.executeQuery()) {
                            rows.next();
                            if (rows.getLong(1) > 0) {
                                found.add(table.getKey() + "." + column);
                            }
                        }
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new AssertionError("searching the tables failed", e);
        }
    }

    private static Map<String, List<String>> textColumnsOfAccountTables(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        List<String> accountTables = new ArrayList<>();
        String catalogue = "SELECT table_name, column_name, data_type FROM information_schema.columns"
                + " WHERE LOWER(table_schema) = 'public' ORDER BY table_name, ordinal_position";
        try (PreparedStatement statement = connection.prepareStatement(catalogue);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(1).toLowerCase(Locale.ROOT);
                String column = rows.getString(2).toLowerCase(Locale.ROOT);
                String type = rows.getString(3).toLowerCase(Locale.ROOT);
                if (column.equals("account_id")) {
                    accountTables.add(table);
                }
                if (type.contains("char") || type.contains("text") || type.contains("clob")) {
                    columns.computeIfAbsent(table, name -> new ArrayList<>()).add(column);
                }
            }
        }
        columns.keySet().retainAll(accountTables);
        return columns;
    }
}
