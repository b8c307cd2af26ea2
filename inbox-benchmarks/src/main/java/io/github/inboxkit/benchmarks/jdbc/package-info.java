/**
 * Database benchmarks of the JDBC store on an embedded PostgreSQL 17: a data-set generator and a
 * main that measures ingestion against a raw JDBC baseline, inbox first pages per filter, the badge
 * and search. Run by hand (see docs/performance.md), never by {@code mvn verify}.
 */
package io.github.inboxkit.benchmarks.jdbc;
