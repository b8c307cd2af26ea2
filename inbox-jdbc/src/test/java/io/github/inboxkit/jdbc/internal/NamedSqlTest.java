package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hot paths' statements with named parameters, sent with positional ones ({@link NamedSql}). */
class NamedSqlTest {

    @Test
    @DisplayName("each occurrence of a name becomes a ?, in order, and a :: cast is left alone")
    void positional() {
        NamedSql sql = NamedSql.of("SELECT CAST(:a AS int) + :b::int WHERE x = :a AND y = :c_2");
        assertThat(sql.positional()).isEqualTo("SELECT CAST(? AS int) + ?::int WHERE x = ? AND y = ?");
        assertThat(sql.names()).containsExactly("a", "b", "a", "c_2");
    }

    @Test
    @DisplayName("the values are bound by name, text and null included; a name without a value is refused")
    void binds() throws Exception {
        NamedSql sql = NamedSql.of("SELECT CAST(:a AS int) + CAST(:b AS int), CAST(:n AS varchar), CAST(:a AS int),"
                + " CAST(:t AS varchar)");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:named")) {
            Map<String, Object> values = new HashMap<>();
            values.put("a", 2);
            values.put("b", 3);
            values.put("n", null);
            values.put("t", "Ça va ? 👍");
            try (PreparedStatement statement = sql.prepare(connection, values);
                    ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getInt(1), rs.getInt(3))).containsExactly(5, 2);
                assertThat(rs.getString(2)).isNull();
                assertThat(rs.getString(4)).isEqualTo("Ça va ? 👍");
            }
            values.remove("b");
            assertThatThrownBy(() -> sql.prepare(connection, values))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("parameter b");
        }
    }

    @Test
    @DisplayName("values in slots, one per distinct name: bound at each of the name's places; an unset slot is refused")
    void bindsSlots() throws Exception {
        NamedSql sql = NamedSql.of("SELECT CAST(:a AS int) + CAST(:b AS int), CAST(:n AS varchar), CAST(:a AS int),"
                + " CAST(:t AS varchar)");
        assertThat(List.of(sql.slot("a"), sql.slot("b"), sql.slot("n"), sql.slot("t"))).containsExactly(0, 1, 2, 3);
        assertThatThrownBy(() -> sql.slot("missing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:slots")) {
            Object[] values = sql.newValues();
            values[sql.slot("a")] = 2;
            values[sql.slot("b")] = 3;
            values[sql.slot("n")] = null;
            values[sql.slot("t")] = "été";
            try (PreparedStatement statement = sql.prepare(connection, values);
                    ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getInt(1), rs.getInt(3))).containsExactly(5, 2);
                assertThat(rs.getString(2)).isNull();
                assertThat(rs.getString(4)).isEqualTo("été");
            }
            Object[] partial = sql.newValues();
            partial[sql.slot("a")] = 1;
            assertThatThrownBy(() -> sql.prepare(connection, partial))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("parameter b");
        }
    }
}
