/**
 * The store port: where InboxKit keeps accounts, users, contacts, conversations, messages, counters
 * and the sending pipeline's outbox, broadcasts and idempotency keys. {@link
 * io.github.inboxkit.core.store.InboxStore#inTransaction} runs one use case as one atomic
 * transaction scoped to one account; the {@link io.github.inboxkit.core.store.StoreTransaction} it
 * hands out reaches one narrow port per aggregate ({@link io.github.inboxkit.core.store.MessageRows},
 * {@link io.github.inboxkit.core.store.OutboxRows}, ...), so that a feature adds or extends one port.
 * {@code store.memory} holds the in-memory store, and inbox-jdbc the SQL one, each with one class
 * per aggregate. Both must pass the store contract tests of inbox-core's test-jar.
 */
package io.github.inboxkit.core.store;
