package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class LikePatternsTest {

    @Test
    void escapesWildcardsAndTheEscapeCharacter() {
        assertThat(LikePatterns.containing("50%_a!b")).isEqualTo("%50!%!_a!!b%");
    }

    @Test
    void onlyTermsWithThreeLettersOrDigitsInARowUseTrigramIndexes() {
        assertThat(LikePatterns.hasTrigram("hello")).isTrue();
        assertThat(LikePatterns.hasTrigram("ab-12")).isFalse();
        assertThat(LikePatterns.hasTrigram("a b c")).isFalse();
        assertThat(LikePatterns.hasTrigram("%_!")).isFalse();
        assertThat(LikePatterns.hasTrigram("é12")).isTrue();
        assertThat(LikePatterns.searchable("m.body", "or")).isEqualTo("(m.body || '')");
        assertThat(LikePatterns.searchable("m.body", "order")).isEqualTo("m.body");
    }

    @Property(tries = 200)
    @Label("F8 a LIKE built from any input matches exactly the texts containing that input, on H2 and PostgreSQL")
    void likeMatchesLiterally(
            @ForAll @StringLength(min = 1, max = 4) @Chars({'%', '_', '!', '\\', 'a', 'b'}) String term,
            @ForAll @StringLength(max = 8) @Chars({'%', '_', '!', '\\', 'a', 'b'}) @CharRange(from = 'x', to = 'z') String text)
            throws SQLException {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:");
                Connection postgres = Postgres.POOL.getConnection()) {
            assertThat(likeMatches(h2, text, term)).as("H2").isEqualTo(text.contains(term));
            assertThat(likeMatches(postgres, text, term)).as("PostgreSQL").isEqualTo(text.contains(term));
        }
    }

    /** Whether the store's LIKE, with the pattern bound as a parameter, matches the text. */
    private static boolean likeMatches(Connection connection, String text, String term) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT CAST(? AS varchar) LIKE CAST(? AS varchar) ESCAPE '" + LikePatterns.ESCAPE + "'")) {
            statement.setString(1, text);
            statement.setString(2, LikePatterns.containing(term));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** One small pool on the shared embedded PostgreSQL, opened on first use. */
    private static final class Postgres {
        static final HikariDataSource POOL = TestDatabases.freshPostgres(1);
    }
}
