/**
 * The export's machinery, which runs each page through the engine's one unit of work. Hosts must
 * not depend on these types: no compatibility promise, and no public signature mentions them.
 */
package io.github.inboxkit.core.export.internal;
