package io.github.inboxkit.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store is split by aggregate like the SQL store: each {@code Memory*} aggregate class
 * holds its own {@code Tables} and reaches another aggregate only through the transaction's ports
 * ({@code tx.messages()}), never its tables nor the account's whole data.
 */
class MemoryStoreArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/inboxkit/core/store/memory");

    /** The aggregates' classes: each a port of the transaction, with its own tables. */
    static final List<Class<?>> AGGREGATES = List.of(MemoryAccounts.class, MemoryTeam.class, MemoryContacts.class,
            MemoryConsent.class, MemoryConversations.class, MemoryMessages.class, MemoryCounters.class,
            MemoryOutbox.class, MemoryBroadcasts.class, MemoryDeliveryReports.class, MemoryIdempotency.class,
            MemoryLabels.class, MemoryNotes.class, MemoryBlocks.class, MemoryErasures.class,
            MemoryThroughput.class);

    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    @Test
    @DisplayName("each Memory* aggregate class names neither another aggregate's class nor the account's whole data")
    void aggregatesReachOnlyTheirTables() {
        List<String> found = new ArrayList<>();
        for (Class<?> aggregate : AGGREGATES) {
            found.addAll(violations(aggregate.getSimpleName(), read(aggregate.getSimpleName())));
        }
        assertThat(found).isEmpty();
    }

    @Test
    @DisplayName("each Memory* aggregate class holds its own tables and no other's")
    void aggregatesHoldOnlyTheirTables() {
        List<String> found = new ArrayList<>();
        for (Class<?> aggregate : AGGREGATES) {
            for (Field field : aggregate.getDeclaredFields()) {
                Class<?> type = field.getType();
                boolean otherTables = type.getSimpleName().equals("Tables") && type.getEnclosingClass() != aggregate;
                if (otherTables || type == AccountData.class || (AGGREGATES.contains(type) && type != aggregate)) {
                    found.add(aggregate.getSimpleName() + "." + field.getName() + " is a " + type.getName());
                }
            }
            assertThat(aggregate.getDeclaredClasses()).extracting(Class::getSimpleName).contains("Tables");
        }
        assertThat(found).isEmpty();
    }

    @Test
    @DisplayName("the rule fails on a class that reaches another aggregate's tables or the account's data")
    void theRuleCanFail() {
        String reachesOutbox = "final class MemoryMessages { void delete(MemoryOutbox.Tables outbox) {"
                + " outbox.entries.remove(id); } /* MemoryTeam in a comment is fine */ }";
        String reachesData = "final class MemoryMessages { AccountData data; }";
        assertThat(violations("MemoryMessages", reachesOutbox)).containsExactly("MemoryMessages names MemoryOutbox");
        assertThat(violations("MemoryMessages", reachesData)).containsExactly("MemoryMessages names AccountData");
    }

    /** Where a source, comments left out, names another aggregate's class or the account's data. */
    static List<String> violations(String owner, String source) {
        String code = COMMENT.matcher(source).replaceAll(" ");
        List<String> found = new ArrayList<>();
        List<String> forbidden = new ArrayList<>();
        forbidden.add("AccountData");
        AGGREGATES.stream().map(Class::getSimpleName).filter(name -> !name.equals(owner)).forEach(forbidden::add);
        for (String name : forbidden) {
            Matcher m = Pattern.compile("\\b" + name + "\\b").matcher(code);
            if (m.find()) {
                found.add(owner + " names " + name);
            }
        }
        return found;
    }

    private static String read(String className) {
        try {
            return Files.readString(SOURCES.resolve(className + ".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
