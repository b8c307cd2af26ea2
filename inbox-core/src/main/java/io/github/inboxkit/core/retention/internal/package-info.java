/**
 * The retention purge's machinery, which runs through the engine's one unit of work. Hosts must
 * not depend on these types: no compatibility promise, and no public signature mentions them.
 */
package io.github.inboxkit.core.retention.internal;
