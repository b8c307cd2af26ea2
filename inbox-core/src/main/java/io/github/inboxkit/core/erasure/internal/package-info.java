/**
 * Erasure's machinery (F40), which runs through the engine's one unit of work. Hosts must not
 * depend on these types: no compatibility promise, and no public signature mentions them.
 */
package io.github.inboxkit.core.erasure.internal;
