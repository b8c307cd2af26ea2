/**
 * Conversations (one thread per account and contact phone number) and their messages: ingestion
 * of inbound messages, outbound messages recorded in the thread, read state, close and reopen,
 * assignment and the typing indicator.
 */
package io.github.inboxkit.core.conversation;
