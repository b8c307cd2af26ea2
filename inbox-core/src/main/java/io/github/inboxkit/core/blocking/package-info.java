/**
 * Contact blocking (F38): an account blocks a phone number, with a reason and the team member who
 * did it. A blocked number's inbound messages create no conversation, no unread count and no
 * notification; they are only counted in the blocked log an administrator audits. Sending to it is
 * refused. Blocking is not an opt-out: it leaves the consent records alone. {@link
 * io.github.inboxkit.core.blocking.Blocking} is reached as {@code InboxKit.blocking()}; its
 * machinery is in {@code blocking.internal}.
 */
package io.github.inboxkit.core.blocking;
