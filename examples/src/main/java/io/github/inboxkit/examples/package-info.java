/**
 * Runnable programs that show how a host wires InboxKit: the quick start on the embedded default
 * (H2 and the simulated carrier), PostgreSQL with HikariCP, a webhook endpoint over HTTP, and two
 * dispatching nodes on one database. Each is a small {@code main} meant to be read.
 */
package io.github.inboxkit.examples;
