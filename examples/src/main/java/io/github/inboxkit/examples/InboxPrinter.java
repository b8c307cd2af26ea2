package io.github.inboxkit.examples;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Draws an account's inbox the way a team-inbox screen would: the two tabs with their counts, the
 * badge, and one line per conversation with its unread count, assignee initials, name and last
 * message. A host draws its own UI from the same {@link InboxRow}s.
 */
final class InboxPrinter {

    private final DateTimeFormatter time;
    private final InboxKit kit;
    private final PrintStream out;

    InboxPrinter(InboxKit kit, ZoneId zone, PrintStream out) {
        this.time = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(zone);
        this.kit = kit;
        this.out = out;
    }

    void print(AccountId account) {
        InboxCounters counters = kit.inbox().counters(account);
        out.printf("   %s inbox   [Open %d] [Closed %d]   badge: %d unread%n", account,
                counters.openConversations(), counters.closedConversations(), counters.badge());
        for (ConversationState tab : ConversationState.values()) {
            kit.inbox().list(account, InboxQuery.builder().tab(tab).build()).rows().forEach(this::printRow);
        }
    }

    void printRows(String title, List<InboxRow> rows) {
        out.printf("   %s: %d conversation(s)%n", title, rows.size());
        rows.forEach(this::printRow);
    }

    private void printRow(InboxRow row) {
        String unread = row.unreadCount() > 0 ? "●" + row.unreadCount() : "  ";
        out.printf("   %-6s %-3s %-2s  %-16s %-11s %s%n",
                row.state(), unread, row.assigneeInitials().orElse("··"), row.displayName(),
                time.format(row.lastActivityAt()), ellipsis(row.preview(), 44));
    }

    private static String ellipsis(String text, int max) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
