/**
 * Erasure of a contact on request, the right to be forgotten (F40): {@link
 * io.github.inboxkit.core.erasure.Erasure}, reached as {@code InboxKit.erasure()}, deletes what an
 * account holds about one phone number in bounded batches and keeps a minimal proof of it, and a
 * hashed opt-out so that a person who said STOP is never texted again. Its machinery is in {@code
 * erasure.internal}.
 */
package io.github.inboxkit.core.erasure;
