/**
 * Machinery of the core with no compatibility promise: the one unit of work every use case runs
 * through ({@link io.github.inboxkit.core.internal.UnitOfWork} and its per-attempt {@link
 * io.github.inboxkit.core.internal.Step}), the thread rules, the opt-out rule, the inbound and
 * conversation use cases, keyword matching. Its few public types serve the engine's other
 * {@code internal} packages; hosts must not depend on them, and no public signature outside an
 * {@code internal} package mentions them.
 */
package io.github.inboxkit.core.internal;
