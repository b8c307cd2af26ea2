/**
 * The use cases of contact blocking, run through the engine's one unit of work. No compatibility
 * promise: only the front door uses this package.
 */
package io.github.inboxkit.core.blocking.internal;
