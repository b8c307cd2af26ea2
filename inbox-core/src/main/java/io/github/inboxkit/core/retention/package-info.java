/**
 * The retention purge (F30): what a host runs on its own schedule to delete messages older than
 * each account's window, the conversations they leave empty, and the records that outlived their
 * use. {@link io.github.inboxkit.core.retention.Retention} is reached as {@code
 * InboxKit.retention()}, with or without a carrier; its machinery is in {@code retention.internal}.
 */
package io.github.inboxkit.core.retention;
