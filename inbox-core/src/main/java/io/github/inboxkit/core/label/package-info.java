/**
 * Labels (F35): account-defined tags with a name and a colour that a team puts on conversations,
 * any number per conversation, in bulk, and that the inbox listing filters by. {@link
 * io.github.inboxkit.core.label.Labels} is reached as {@code InboxKit.labels()}; its use cases are
 * in {@code label.internal}, its rows behind the store's {@code LabelRows} port.
 */
package io.github.inboxkit.core.label;
