/**
 * The inbox screen: listing conversations by tab, assignment, read state and search, newest
 * activity first with keyset pagination, the maintained counters (unread badge, tab counts), and
 * the bulk actions mark-all-read and close-all-read (F1, F2, F5–F8, F11).
 */
package io.github.inboxkit.core.inbox;
