package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The SQL store is split by aggregate: each {@code Jdbi*Rows} class holds the SQL of its own tables
 * only, so that a feature adds or extends one class. Read from the sources: the tables a class's SQL
 * names are those after {@code FROM}, {@code JOIN}, {@code INTO} and {@code UPDATE} in its string
 * literals (joined in order, so a statement split over several literals counts) and those its
 * {@link RowColumns} are made for.
 */
class StoreArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/inboxkit/jdbc/internal");
    private static final Path MIGRATIONS = Path.of("src/main/resources/io/github/inboxkit/jdbc/migration");

    /** Each aggregate's class and the tables it owns: the only tables its SQL may name. */
    static final Map<String, Set<String>> OWNED = Map.ofEntries(
            Map.entry("JdbiAccountRows", Set.of("accounts", "receiving_numbers")),
            Map.entry("JdbiTeamRows", Set.of("users")),
            Map.entry("JdbiContactRows", Set.of("contacts")),
            Map.entry("JdbiConsentRows", Set.of("opt_out_records", "revocation_reviews")),
            Map.entry("JdbiConversationRows", Set.of("conversations", "assignment_changes")),
            Map.entry("JdbiMessageRows", Set.of("messages")),
            Map.entry("JdbiCounterRows", Set.of("account_counters")),
            Map.entry("JdbiOutboxRows", Set.of("outbox_entries")),
            Map.entry("JdbiBroadcastRows", Set.of("broadcasts", "broadcast_recipients", "broadcast_skips")),
            Map.entry("JdbiDeliveryReportRows", Set.of("unmatched_delivery_reports")),
            Map.entry("JdbiIdempotencyRows", Set.of("idempotency_keys")),
            Map.entry("JdbiLabelRows", Set.of("labels", "conversation_labels")),
            Map.entry("JdbiNoteRows", Set.of("notes")),
            Map.entry("JdbiBlockRows", Set.of("blocked_numbers", "blocked_inbound")),
            Map.entry("JdbiErasureRows", Set.of("erasure_keys", "erasure_records", "erased_opt_outs")),
            Map.entry("JdbiThroughputRows", Set.of("throughput_states")));

    /** The exceptions, each with its reason: tables a class may name beyond its own. */
    static final Map<String, Set<String>> ALSO_NAMED = Map.of(
            // read only: the inbox listing's search matches a contact's name and a message's text
            // in EXISTS sub-queries of the one listing statement, and its label filter (F35) reads
            // a label's conversations in an IN sub-query (its plans are tested on PostgreSQL)
            "JdbiConversationRows", Set.of("contacts", "messages", "conversation_labels"),
            // the statements that write an outbox entry and its message together (architecture
            // invariant 3), one statement each on PostgreSQL so that a claim is one round trip; the
            // conditional record reads the kept reports in the same statement
            "JdbiDeliveryWrites", Set.of("outbox_entries", "messages", "unmatched_delivery_reports"),
            // read only: the inbox page's read model, one statement in autocommit for a first page:
            // the listing (JdbiConversationRows.ListingSql) joined with the page's saved contacts,
            // assignees and the counters row (its plans are tested on PostgreSQL)
            // and the account's directory version, which tells whether the node's copy of its
            // contacts and users is current (Directories)
            "JdbiInboxPageQuery", Set.of("account_counters", "contacts", "users", "accounts"),
            // read only: the node's copy of an account's contacts and users, read with the account's
            // directory version in one statement (one snapshot)
            "Directories", Set.of("accounts", "contacts", "users"),
            // the store's reads across accounts (dispatcher's, snooze waker's and purge's account
            // lists, webhook routing)
            "JdbiInboxStore", Set.of("accounts", "outbox_entries", "broadcast_recipients", "receiving_numbers",
                    "conversations"),
            // read only: the export's keyset pages of messages (F39), of the conversations with a
            // label if asked (F35); names through the contacts port
            "JdbiExportQuery", Set.of("messages", "conversation_labels"),
            // ingestion's common case on PostgreSQL: the repeat's check, the thread, the message and
            // the counters in one statement that commits itself (one round trip, invariants 1 and 7);
            // read only, the sender's block (F38), which leaves a blocked sender to the general path
            "InboundAppendStatement", Set.of("messages", "conversations", "account_counters", "blocked_numbers"),
            // the same statement over several messages of an account (the node's group commit)
            "InboundBatchStatement", Set.of("messages", "conversations", "account_counters", "blocked_numbers"));

    /** Tables dropped by a later migration, which no statement may name. */
    private static final Set<String> DROPPED = Set.of("outbox", "unknown_delivery_reports");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TABLE_AFTER_KEYWORD = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE)\\s+(\\w+)");
    private static final Pattern ROW_COLUMNS = Pattern.compile("new RowColumns<>\\(\\s*\"(\\w+)\"");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
    private static final Pattern AGGREGATE_CLASS = Pattern.compile("\\bJdbi\\w+Rows\\b");

    @Test
    @DisplayName("each Jdbi*Rows class names only its own aggregate's tables, and the exceptions are the listed ones")
    void eachAggregateNamesOnlyItsTables() {
        assertThat(violations(OWNED, ALSO_NAMED)).isEmpty();
    }

    @Test
    @DisplayName("every table of the migrations belongs to exactly one aggregate's class")
    void everyTableHasOneOwner() {
        Map<String, List<String>> owners = new TreeMap<>();
        OWNED.forEach((owner, tables) -> tables.forEach(
                table -> owners.computeIfAbsent(table, t -> new ArrayList<>()).add(owner)));
        assertThat(owners.keySet()).isEqualTo(migratedTables());
        assertThat(owners.values()).allMatch(list -> list.size() == 1);
    }

    @Test
    @DisplayName("every Jdbi*Rows class of the store is in the map of aggregates")
    void everyAggregateClassIsMapped() {
        Set<String> classes = new TreeSet<>();
        for (String name : sourceNames()) {
            if (name.matches("Jdbi\\w+Rows")) {
                classes.add(name);
            }
        }
        assertThat(classes).isEqualTo(new TreeSet<>(OWNED.keySet()));
    }

    @Test
    @DisplayName("the rule fails where a class names another aggregate's table: a map with the outbox and the messages swapped")
    void theRuleCanFail() {
        Map<String, Set<String>> wrong = new HashMap<>(OWNED);
        wrong.put("JdbiOutboxRows", Set.of("messages"));
        wrong.put("JdbiMessageRows", Set.of("outbox_entries"));
        assertThat(violations(wrong, ALSO_NAMED))
                .contains("JdbiOutboxRows names outbox_entries", "JdbiMessageRows names messages");
        Map<String, Set<String>> noExceptions = Map.of();
        assertThat(violations(OWNED, noExceptions))
                .contains("JdbiConversationRows names contacts", "JdbiDeliveryWrites names messages");
    }

    @Test
    @DisplayName("the table reader finds a table of a statement split over literals, and of RowColumns")
    void readsTablesOfSplitStatements() {
        String source = "run(\"update messages\", () -> handle.createUpdate(\"DELETE\" + \" FROM\"\n + \" outbox_entries"
                + " WHERE x\")); static final RowColumns<X> R = new RowColumns<>(\"users\", column(...));"
                + " /* SELECT 1 FROM contacts */";
        assertThat(tablesNamed(source, Set.of("messages", "outbox_entries", "users", "contacts")))
                .containsExactlyInAnyOrder("outbox_entries", "users");
    }

    @Test
    @DisplayName("no aggregate's class reaches another aggregate's class but through the transaction's ports")
    void aggregatesDoNotNameEachOther() {
        List<String> found = new ArrayList<>();
        for (String owner : OWNED.keySet()) {
            Matcher m = AGGREGATE_CLASS.matcher(code(read(owner)));
            while (m.find()) {
                if (!m.group().equals(owner)) {
                    found.add(owner + " names " + m.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** What each class's SQL names beyond what the maps allow, as "Class names table". */
    static List<String> violations(Map<String, Set<String>> owned, Map<String, Set<String>> alsoNamed) {
        Set<String> tables = new TreeSet<>(migratedTables());
        tables.addAll(DROPPED);
        List<String> found = new ArrayList<>();
        for (String name : sourceNames()) {
            Set<String> allowed = new TreeSet<>(owned.getOrDefault(name, Set.of()));
            allowed.addAll(alsoNamed.getOrDefault(name, Set.of()));
            for (String table : tablesNamed(read(name), tables)) {
                if (!allowed.contains(table)) {
                    found.add(name + " names " + table);
                }
            }
        }
        return found;
    }

    /** The known tables a source's SQL names (comments left out). */
    static Set<String> tablesNamed(String source, Set<String> tables) {
        String code = code(source);
        StringBuilder literals = new StringBuilder();
        Matcher literal = LITERAL.matcher(code);
        while (literal.find()) {
            literals.append(literal.group(1)).append(' ');
        }
        Set<String> named = new TreeSet<>();
        Matcher keyword = TABLE_AFTER_KEYWORD.matcher(literals);
        while (keyword.find()) {
            named.add(keyword.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher rowColumns = ROW_COLUMNS.matcher(code);
        while (rowColumns.find()) {
            named.add(rowColumns.group(1));
        }
        named.retainAll(tables);
        return named;
    }

    private static String code(String source) {
        return COMMENT.matcher(source).replaceAll(" ");
    }

    /** The tables the migrations of both dialects create and keep. */
    static Set<String> migratedTables() {
        Pattern create = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?(\\w+)");
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".sql")).toList()) {
                Matcher m = create.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tables.removeAll(DROPPED);
        return tables;
    }

    private static List<String> sourceNames() {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".java") && !name.equals("package-info.java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String className) {
        try {
            return Files.readString(SOURCES.resolve(className + ".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
