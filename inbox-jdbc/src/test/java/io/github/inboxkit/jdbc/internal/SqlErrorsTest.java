package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.store.StoreConflictException;
import io.github.inboxkit.core.store.StoreException;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the JDBC store reports a failed commit, whose outcome the database may not have told (F46). */
class SqlErrorsTest {

    @Test
    @DisplayName("F46 a commit that failed without an answer says the transaction may have been written, and that a keyed retry is safe")
    void lostCommit() {
        StoreException failure = SqlErrors.translateCommit(new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));

        assertThat(failure).isNotInstanceOf(StoreConflictException.class);
        assertThat(failure.getMessage()).contains("may or may not have been written", "idempotency key", "08006")
                .doesNotContain("nothing was written");
    }

    @Test
    @DisplayName("F46 a conflict the database reports at commit is a conflict: it rolled back, nothing was written")
    void conflictAtCommit() {
        StoreException failure = SqlErrors.translateCommit(new SQLException("could not serialize access", "40001"));

        assertThat(failure).isInstanceOf(StoreConflictException.class);
    }

    @Test
    @DisplayName("a statement that failed before the commit still says that nothing was written")
    void statementFailure() {
        StoreException failure = SqlErrors.translate("insert message", new SQLException("value too long", "22001"));

        assertThat(failure.getMessage()).contains("nothing was written", "insert message");
    }

    @Test
    @DisplayName("F35 a row a foreign key refers to, deleted by a concurrent transaction, is a conflict: the use case runs again")
    void foreignKeyViolationIsAConflict() {
        StoreException failure = SqlErrors.translate("label conversations",
                new SQLException("insert or update violates foreign key constraint", "23503"));

        assertThat(failure).isInstanceOf(StoreConflictException.class);
    }
}
