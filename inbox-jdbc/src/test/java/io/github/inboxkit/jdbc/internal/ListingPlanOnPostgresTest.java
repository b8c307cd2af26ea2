package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.ReadFilter;
import io.github.inboxkit.core.store.ConversationListing;
import io.github.inboxkit.core.store.SearchTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reads PostgreSQL's plan of every listing statement on a data set large enough (and analysed)
 * for the planner's choice to mean something, and refuses a sequential scan over conversations or
 * messages: the inbox must be served by its keyset indexes, whatever the filters.
 */
class ListingPlanOnPostgresTest extends PostgresPlans {

    private static final int ACCOUNTS = 20;
    private static final int CONVERSATIONS_PER_ACCOUNT = 1000;
    private static final int MESSAGES_PER_CONVERSATION = 4;


    @BeforeAll
    void generateDataSet() {
        jdbi.useHandle(handle -> {
            generateInbox(handle, ACCOUNTS, CONVERSATIONS_PER_ACCOUNT, MESSAGES_PER_CONVERSATION);
            handle.execute("ANALYZE");
        });
    }

    @Test
    @DisplayName("F2 F5 F7 every filter combination's first and next pages are index scans, never a sequential scan")
    void everyFilterCombinationUsesAnIndex() {
        List<String> offenders = new ArrayList<>();
        int plans = 0;
        for (ConversationListing listing : everyFilterCombination()) {
            String plan = explain(listing);
            plans++;
            if (seqScanOnBigTables(plan)) {
                offenders.add(listing + "\n" + plan);
            }
        }
        assertThat(plans).isEqualTo(36);
        assertThat(offenders).isEmpty();
    }

    @Test
    @DisplayName("F8 search of every kind (2 characters, words, digits) is a filter on the keyset walk, never a sequential scan")
    void searchUsesIndexes() {
        List<SearchTerm> terms = List.of(
                new SearchTerm("or", List.of()),
                new SearchTerm("hello", List.of()),
                new SearchTerm("appointment tomorrow", List.of()),
                new SearchTerm("zzzz-not-there", List.of()),
                new SearchTerm("555 01", List.of("55501")),
                new SearchTerm("%_!", List.of()));
        List<String> offenders = new ArrayList<>();
        for (SearchTerm term : terms) {
            for (ReadFilter read : ReadFilter.values()) {
                String plan = explain(listing(ConversationState.OPEN, AssignmentFilter.all(), read, false, Optional.of(term)));
                if (seqScanOnBigTables(plan)) {
                    offenders.add(term + " " + read + "\n" + plan);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    @DisplayName("F8 search stays index-served when PostgreSQL reuses a generic plan (prepared statements, 2-character terms)")
    void searchUsesIndexesUnderGenericPlans() {
        List<String> offenders = new ArrayList<>();
        for (String text : List.of("or", "a b", "hello", "%_")) {
            ConversationListing listing = listing(ConversationState.OPEN, AssignmentFilter.all(), ReadFilter.ALL, false,
                    Optional.of(new SearchTerm(text, List.of())));
            String plan = explainGeneric(listing, text);
            if (seqScanOnBigTables(plan) || plan.contains("Bitmap Index Scan on messages_body_trgm") && !LikePatterns.hasTrigram(text)) {
                offenders.add(text + "\n" + plan);
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    @DisplayName("F37 the open tab without snoozed conversations and the snoozed view are index scans, never a sequential scan")
    void snoozeFiltersUseAnIndex() {
        List<String> offenders = new ArrayList<>();
        int plans = 0;
        for (ConversationListing listing : everyFilterCombination()) {
            if (listing.state() != ConversationState.OPEN) {
                continue;
            }
            for (boolean snoozed : new boolean[] {false, true}) {
                ConversationListing filtered = ConversationListing.builder().from(listing).snoozed(snoozed).build();
                String plan = explain(filtered);
                plans++;
                if (seqScanOnBigTables(plan)) {
                    offenders.add(filtered + "\n" + plan);
                }
            }
        }
        assertThat(plans).isEqualTo(36);
        assertThat(offenders).isEmpty();
    }

    @Test
    @DisplayName("F37 the waker's look-ups (accounts with a due snooze, one account's due snoozes) read the snooze index")
    void wakerUsesTheSnoozeIndex() {
        try (Handle handle = jdbi.open()) {
            String accounts = handle.createQuery("EXPLAIN " + JdbiInboxStore.ACCOUNTS_WITH_DUE_SNOOZES)
                    .bind("now", JdbiRows.time(java.time.Instant.now())).bind("limit", 100)
                    .mapTo(String.class).stream().collect(Collectors.joining("\n"));
            String due = handle.createQuery("EXPLAIN " + JdbiConversationRows.LOCK_DUE_SNOOZES)
                    .bind("account", "acct-7").bind("now", JdbiRows.time(java.time.Instant.now())).bind("limit", 200)
                    .mapTo(String.class).stream().collect(Collectors.joining("\n"));
            assertThat(accounts).contains("conversations_snoozed_until_ix").doesNotContain("Seq Scan");
            assertThat(due).contains("conversations_snoozed_until_ix").doesNotContain("Seq Scan");
        }
    }

    /** The plan PostgreSQL caches for a prepared statement once it stops planning per value. */
    private String explainGeneric(ConversationListing listing, String text) {
        return PostgresPlans.explainGeneric(pool, JdbiConversationRows.ListingSql.of(listing).text(),
                List.of("account", "state", "since", "textPattern", "limit"));
    }

    private String explain(ConversationListing listing) {
        JdbiConversationRows.ListingSql sql = JdbiConversationRows.ListingSql.of(listing);
        try (Handle handle = jdbi.open()) {
            return sql.bind(handle.createQuery("EXPLAIN " + sql.text()), "acct-7", listing)
                    .mapTo(String.class).stream().collect(Collectors.joining("\n"));
        }
    }
}
