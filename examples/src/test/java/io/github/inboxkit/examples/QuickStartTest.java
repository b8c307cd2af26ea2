package io.github.inboxkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.simulator.SimulatedCarrier.SentMessage;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickStartTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private JdbcInboxStore store;
    private QuickStart day;

    @BeforeAll
    void playTheDayOnH2() {
        // Listen to everything InboxKit logs at INFO and above while the day is played.
        Logger library = (Logger) LoggerFactory.getLogger("io.github.inboxkit");
        Level configured = library.getLevel();
        library.setLevel(Level.INFO);
        logged.start();
        library.addAppender(logged);
        try {
            play();
        } finally {
            library.detachAppender(logged);
            library.setLevel(configured);
        }
    }

    private void play() {
        store = JdbcInboxStore.builder("jdbc:h2:mem:quickstart_test_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
                "sa", "").build();
        store.migrate();
        day = new QuickStart(store, new PrintStream(printed, true, StandardCharsets.UTF_8));
        day.run();
    }

    @AfterAll
    void closeTheDatabase() {
        store.close();
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private List<String> sentTexts() {
        return day.carrier().sentMessages().stream().map(SentMessage::submission).map(s -> s.text()).toList();
    }

    @Test
    @DisplayName("the quick start plays every step and prints the inbox with tabs, unread, initials and last message")
    void printsEveryStep() {
        assertThat(output()).contains("1. Two accounts", "18. Labels", "19. Bob snoozes", "20. A number that sends abuse", "21. Federal quiet hours",
                "22. Gus texts HELP", "23. Ninety-one days later", "Done: the carrier accepted");
        assertThat(output()).contains("[Open 4] [Closed 0]   badge: 4 unread");
        assertThat(output()).containsPattern("OPEN +●1 +BO +Dana Scully");
        assertThat(output()).containsPattern("CLOSED +BO +Eli Cohen");
    }

    @Test
    @DisplayName("F27 the scheduled reminder reached the carrier exactly once")
    void scheduledReminderSentOnce() {
        assertThat(sentTexts()).filteredOn(text -> text.startsWith("Reminder:")).hasSize(1);
    }

    @Test
    @DisplayName("F18 STOP unsubscribed Eli by keyword, nothing went to him until a user re-subscribed him")
    void stopThenResubscribe() {
        InboxKit kit = day.kit();
        List<OptOutRecord> history = kit.contacts().subscriptionHistory(QuickStart.ACME, new PhoneNumber(QuickStart.ELI));
        assertThat(history).extracting(OptOutRecord::action, OptOutRecord::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple(OptOutAction.OPTED_OUT, OptOutSource.KEYWORD),
                org.assertj.core.groups.Tuple.tuple(OptOutAction.OPTED_IN, OptOutSource.USER));
        assertThat(sentTexts()).doesNotContain("Are you sure?").contains("You're subscribed again. Welcome back, Eli!");
    }

    @Test
    @DisplayName("F19 F22 the broadcast reached three contacts through both pool numbers")
    void broadcastThroughThePool() {
        assertThat(day.carrier().sentMessages()).filteredOn(sent -> sent.submission().text().startsWith("Acme Dental: from Dec 1"))
                .hasSize(3)
                .extracting(sent -> sent.submission().sender().value())
                .containsOnly(QuickStart.POOL_1, QuickStart.POOL_2)
                .contains(QuickStart.POOL_1, QuickStart.POOL_2);
    }

    @Test
    @DisplayName("F26 the PNG went out as MMS and the PDF named photo.jpg did not")
    void mms() {
        assertThat(day.carrier().sentMessages()).filteredOn(sent -> !sent.submission().media().isEmpty())
                .singleElement()
                .satisfies(sent -> assertThat(sent.submission().media().get(0).contentType()).isEqualTo("image/png"));
        assertThat(output()).contains("refused (UNSUPPORTED_FORMAT)");
    }

    @Test
    @DisplayName("F30 after the purge only the conversation with activity inside the window is left")
    void retentionLeavesOnlyTheFreshThread() {
        InboxKit kit = day.kit();
        List<InboxRow> open = kit.inbox().list(QuickStart.ACME, InboxQuery.openTab()).rows();
        assertThat(open).singleElement().satisfies(row -> {
            assertThat(row.contactPhone().e164()).isEqualTo(QuickStart.FAY);
            assertThat(row.preview()).startsWith("Hello again!");
        });
        assertThat(kit.inbox().counters(QuickStart.ACME).closedConversations()).isZero();
        assertThat(kit.conversations().messages(QuickStart.ACME, open.get(0).conversationId(), 50)).hasSize(1);
    }

    @Test
    @DisplayName("no phone number or message body appears in what InboxKit logs at INFO and above during the day")
    void logsKeepPersonalDataOut() {
        List<String> numbers = List.of(QuickStart.DANA, QuickStart.ELI, QuickStart.FAY, QuickStart.GUS);
        List<String> bodies = List.of("Can I move my appointment", "eli.cohen@example.com", "snow shovels", "suits me better");
        for (ILoggingEvent event : logged.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : " " + event.getThrowableProxy().getMessage());
            assertThat(numbers).noneMatch(number -> line.contains(number) || line.contains(number.substring(2)));
            assertThat(bodies).noneMatch(line::contains);
        }
    }

    @Test
    @DisplayName("the quick start's main runs on its own H2 database and returns normally")
    void mainRuns() {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(console);
        }
        // nine sends and the opt-out confirmation of the quick start's STOP (F42)
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Done: the carrier accepted 12 messages");
    }
}
