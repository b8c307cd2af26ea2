/**
 * Machinery of the core with no compatibility promise: hosts must not depend on these types, and
 * no public signature outside this package mentions them.
 */
package io.github.inboxkit.core.internal;
