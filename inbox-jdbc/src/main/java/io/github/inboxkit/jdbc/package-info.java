/**
 * The InboxKit store on PostgreSQL and H2: one factory, {@link io.github.inboxkit.jdbc.JdbcInboxStore},
 * builds the store from a {@code DataSource} (or a Hikari pool from a JDBC URL) and applies the
 * schema migrations when the host calls {@code migrate()}. Everything else is internal.
 */
package io.github.inboxkit.jdbc;
