/**
 * MMS attachment validation (F26): {@link io.github.inboxkit.core.media.MediaValidator} decides from
 * the bytes alone whether an attachment is a complete JPEG, PNG or GIF image within the size limit,
 * and reads its dimensions. Everything else is refused with an {@link
 * io.github.inboxkit.core.media.InvalidMediaException} that says why.
 */
package io.github.inboxkit.core.media;
