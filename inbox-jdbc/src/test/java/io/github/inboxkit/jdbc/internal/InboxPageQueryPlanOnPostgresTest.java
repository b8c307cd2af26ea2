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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reads PostgreSQL's plans of the inbox page read model ({@link JdbiInboxPageQuery}) on an
 * analysed data set: joining the page's contacts, assignees and counters must not change the plan
 * of its keyset query, which stays one range scan of the same keyset index as the listing alone,
 * and the contacts are found by their unique key, never by a sequential scan.
 */
class InboxPageQueryPlanOnPostgresTest extends PostgresPlans {

    /** The keyset indexes a plan reads conversations through (index scans and bitmap scans). */
    private static final Pattern CONVERSATION_INDEX =
            Pattern.compile("(?:Scan(?: Backward)? using|Bitmap Index Scan on) (conversations_\\w+)");
    /** How a plan reads the page's contacts and assignees: must be an index scan. */
    private static final Pattern PAGE_LOOKUP = Pattern.compile("([A-Z][A-Za-z ]*?(?: using \\w+)?) on (contacts pc|users pu)");

    @BeforeAll
    void generateDataSet() {
        jdbi.useHandle(handle -> {
            generateInbox(handle, 20, 1000, 4);
            // five users in each account of the data set, and the users of 2,000 other accounts: a
            // table too small would rightly be read whole rather than by its primary key
            addUsersAndCounters(handle, 20);
            handle.execute("INSERT INTO users (account_id, user_id, display_name, created_at)"
                    + " SELECT 'other-' || a, 'user-' || u, 'User ' || u, now()"
                    + " FROM generate_series(1, 2000) a, generate_series(1, 5) u");
            handle.execute("ANALYZE");
        });
    }

    @Test
    @DisplayName("F1 F5 F7 every filter combination's page keeps the keyset plan of its listing, contacts by unique key")
    void joinsKeepTheKeysetPlan() {
        List<String> offenders = new ArrayList<>();
        int plans = 0;
        for (ConversationListing listing : everyFilterCombination()) {
            String listingPlan = explain(JdbiConversationRows.ListingSql.of(listing).text(), listing);
            String pagePlan = explain(JdbiInboxPageQuery.sql(listing, true), listing);
            plans++;
            if (!keepsTheKeysetPlan(listingPlan, pagePlan)) {
                offenders.add(listing + "\nlisting:\n" + listingPlan + "\npage:\n" + pagePlan);
            }
        }
        assertThat(plans).isEqualTo(36);
        assertThat(offenders).isEmpty();
    }

    @Test
    @DisplayName("F8 a search's page keeps the keyset plan of its listing")
    void searchPagesKeepTheKeysetPlan() {
        List<String> offenders = new ArrayList<>();
        for (SearchTerm term : List.of(new SearchTerm("or", List.of()), new SearchTerm("hello", List.of()),
                new SearchTerm("555 01", List.of("55501")), new SearchTerm("%_!", List.of()))) {
            ConversationListing listing = listing(ConversationState.OPEN, AssignmentFilter.all(), ReadFilter.ALL, false,
                    Optional.of(term));
            String listingPlan = explain(JdbiConversationRows.ListingSql.of(listing).text(), listing);
            String pagePlan = explain(JdbiInboxPageQuery.sql(listing, true), listing);
            if (!keepsTheKeysetPlan(listingPlan, pagePlan)) {
                offenders.add(term + "\nlisting:\n" + listingPlan + "\npage:\n" + pagePlan);
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    @DisplayName("F1 the page's generic plan (a prepared statement reused) keeps the keyset scan and reads contacts by key")
    void genericPlans() {
        List<String> offenders = new ArrayList<>();
        for (ConversationListing listing : everyFilterCombination()) {
            String sql = JdbiInboxPageQuery.sql(listing, true);
            String plan = PostgresPlans.explainGeneric(pool, sql, Stream.of("account", "state", "since", "limit",
                    "assignee", "afterAt", "afterId").filter(name -> sql.contains(":" + name)).toList());
            if (seqScanOnBigTables(plan) || indexesOf(plan).isEmpty() || !looksUpByIndex(plan)) {
                offenders.add(listing + "\n" + plan);
            }
        }
        assertThat(offenders).isEmpty();
    }

    /**
     * The page reads conversations through the listing's own indexes, its contacts and assignees by
     * an index, and no big table sequentially.
     */
    private static boolean keepsTheKeysetPlan(String listingPlan, String pagePlan) {
        Set<String> indexes = indexesOf(listingPlan);
        return !indexes.isEmpty() && indexes.equals(indexesOf(pagePlan)) && looksUpByIndex(pagePlan)
                && !seqScanOnBigTables(pagePlan);
    }

    private static Set<String> indexesOf(String plan) {
        Set<String> indexes = new TreeSet<>();
        Matcher matcher = CONVERSATION_INDEX.matcher(plan);
        while (matcher.find()) {
            indexes.add(matcher.group(1));
        }
        return indexes;
    }

    /** Both look-ups of the page are there, and each is an index scan. */
    private static boolean looksUpByIndex(String plan) {
        Matcher matcher = PAGE_LOOKUP.matcher(plan);
        Set<String> tables = new TreeSet<>();
        while (matcher.find()) {
            if (!matcher.group(1).matches("Index (Only )?Scan using \\w+")) {
                return false;
            }
            tables.add(matcher.group(2));
        }
        return tables.size() == 2;
    }

    private String explain(String sql, ConversationListing listing) {
        try (Handle handle = jdbi.open()) {
            return JdbiConversationRows.ListingSql.of(listing).bind(handle.createQuery("EXPLAIN " + sql), "acct-7", listing)
                    .mapTo(String.class).stream().collect(Collectors.joining("\n"));
        }
    }
}
