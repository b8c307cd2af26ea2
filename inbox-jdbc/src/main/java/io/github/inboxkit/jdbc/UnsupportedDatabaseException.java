package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.InboxException;

/**
 * The data source given to {@link JdbcInboxStore} is not a database the store supports
 * (PostgreSQL or H2), or could not be reached to find out which database it is.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnsupportedDatabaseException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String databaseProduct;

    UnsupportedDatabaseException(String databaseProduct, Throwable cause) {
        super("The JDBC store supports PostgreSQL and H2, not the database " + databaseProduct
                + "; pass a data source for one of them, or name the dialect explicitly", cause);
        this.databaseProduct = databaseProduct;
    }

    /** @return the product name the JDBC driver reported, or a note on why it is unknown */
    public String databaseProduct() {
        return databaseProduct;
    }
}
