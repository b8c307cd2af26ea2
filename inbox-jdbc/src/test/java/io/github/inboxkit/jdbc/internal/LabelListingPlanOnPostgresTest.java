package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.ReadFilter;
import io.github.inboxkit.core.label.LabelId;
import io.github.inboxkit.core.store.ConversationListing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reads PostgreSQL's plans of the inbox filtered by a label (F35) on an analysed data set whose
 * labels are common (60 % of conversations), realistic (10 %) and rare (0.5 %): for every filter
 * combination, the listing and the one-statement page read the conversations through an index and
 * the label's rows through {@code conversation_labels}' own indexes, never a sequential scan, with
 * custom and generic (prepared statement) plans alike.
 */
class LabelListingPlanOnPostgresTest extends PostgresPlans {

    /** The data set's labels, each in every account, by the share of conversations that carry it. */
    private static final Map<String, Double> SHARES = Map.of(
            "00000000-0000-0000-0000-000000000060", 0.60,
            "00000000-0000-0000-0000-000000000010", 0.10,
            "00000000-0000-0000-0000-000000000005", 0.005);

    @BeforeAll
    void generateDataSet() {
        jdbi.useHandle(handle -> {
            generateInbox(handle, 20, 1000, 4);
            addUsersAndCounters(handle, 20);
            SHARES.forEach((label, share) -> {
                handle.createUpdate("INSERT INTO labels (account_id, label_id, name, name_key, colour, created_at,"
                        + " updated_at) SELECT 'acct-' || a, CAST(:label AS uuid), :label, :label, '#6B7280', now(), now()"
                        + " FROM generate_series(1, 20) a").bind("label", label).execute();
                handle.createUpdate("INSERT INTO conversation_labels (account_id, conversation_id, label_id, labelled_at)"
                        + " SELECT account_id, conversation_id, CAST(:label AS uuid), now() FROM conversations"
                        + " WHERE random() < :share").bind("label", label).bind("share", share).execute();
            });
            handle.execute("VACUUM ANALYZE");
        });
    }

    @Test
    @DisplayName("F35 every filter combination with a common, a realistic or a rare label: listing and page by index, never a sequential scan")
    void labelFiltersUseIndexes() {
        List<String> offenders = new ArrayList<>();
        int plans = 0;
        for (String label : SHARES.keySet()) {
            for (ConversationListing unfiltered : everyFilterCombination()) {
                ConversationListing listing = withLabel(unfiltered, label);
                for (String plan : List.of(explain(JdbiConversationRows.ListingSql.of(listing).text(), listing),
                        explain(JdbiInboxPageQuery.sql(listing, true), listing))) {
                    plans++;
                    if (!servedByIndexes(plan)) {
                        offenders.add(SHARES.get(label) + " " + listing + "\n" + plan);
                    }
                }
            }
        }
        assertThat(plans).isEqualTo(3 * 36 * 2);
        assertThat(offenders).isEmpty();
    }

    @Test
    @DisplayName("F35 the page's generic plan (a prepared statement reused) with a label filter is served by indexes")
    void genericPlans() {
        List<String> offenders = new ArrayList<>();
        for (ConversationListing unfiltered : everyFilterCombination()) {
            ConversationListing listing = withLabel(unfiltered, "00000000-0000-0000-0000-000000000010");
            String sql = JdbiInboxPageQuery.sql(listing, true);
            String plan = PostgresPlans.explainGeneric(pool, sql, Stream.of("account", "state", "since", "limit",
                    "assignee", "afterAt", "afterId", "label").filter(name -> sql.contains(":" + name)).toList());
            if (!servedByIndexes(plan)) {
                offenders.add(listing + "\n" + plan);
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    @DisplayName("F35 the realistic label's first page reads the label's rows through its own index, once")
    void realisticLabelReadsTheLabelIndex() {
        ConversationListing listing = withLabel(listing(ConversationState.OPEN, AssignmentFilter.all(), ReadFilter.ALL,
                false, Optional.empty()), "00000000-0000-0000-0000-000000000010");
        String plan = explain(JdbiInboxPageQuery.sql(listing, true), listing);
        assertThat(plan).as(plan).contains("conversation_labels_label_ix");
        assertThat(servedByIndexes(plan)).as(plan).isTrue();
    }

    private static ConversationListing withLabel(ConversationListing listing, String label) {
        return ConversationListing.builder().from(listing).label(new LabelId(UUID.fromString(label))).build();
    }

    /** No big table read sequentially, and the label's rows read through an index of their table. */
    private static boolean servedByIndexes(String plan) {
        return !seqScanOnBigTables(plan) && !plan.contains("Seq Scan on conversation_labels")
                && plan.matches("(?s).*(using|on) conversation_labels_(label_ix|pk)\\b.*");
    }

    private String explain(String sql, ConversationListing listing) {
        try (Handle handle = jdbi.open()) {
            return JdbiConversationRows.ListingSql.of(listing).bind(handle.createQuery("EXPLAIN " + sql), "acct-7", listing)
                    .mapTo(String.class).stream().collect(Collectors.joining("\n"));
        }
    }
}
