/**
 * The machinery of the JDBC store: JDBI statements per table, schema migration, caches and dialect
 * differences. No compatibility promise; hosts use {@link io.github.inboxkit.jdbc.JdbcInboxStore}.
 */
package io.github.inboxkit.jdbc.internal;
