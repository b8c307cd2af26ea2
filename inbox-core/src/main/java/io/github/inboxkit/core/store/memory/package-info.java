/**
 * An in-memory {@link io.github.inboxkit.core.store.InboxStore}, thread-safe and transactional, for
 * hosts' tests and for trying InboxKit without a database. Data lives as long as the instance.
 */
package io.github.inboxkit.core.store.memory;
