/**
 * Machinery of the core with no compatibility promise: the use-case implementations, the unit of
 * work runner, keyword matching. Hosts must not depend on these types, and no public signature
 * outside this package mentions them.
 */
package io.github.inboxkit.core.internal;
