/**
 * The store port: where InboxKit keeps accounts, users, contacts, conversations, messages and
 * counters. {@link io.github.inboxkit.core.store.InboxStore#inTransaction} runs one use case as one
 * atomic transaction scoped to one account; {@code store.memory} holds the in-memory store, and
 * inbox-jdbc the SQL one. Both must pass the store contract tests of inbox-core's test-jar.
 */
package io.github.inboxkit.core.store;
