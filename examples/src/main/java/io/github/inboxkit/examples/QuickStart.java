package io.github.inboxkit.examples;

import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.Entitlements;
import io.github.inboxkit.core.account.FeatureNotInPlanException;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.account.ImmutableAccountSettings;
import io.github.inboxkit.core.blocking.ContactBlockedException;
import io.github.inboxkit.core.compliance.ConsentReplies;
import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.compliance.QuietHoursPolicy;
import io.github.inboxkit.core.compose.Attachment;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.contact.CustomFieldValue;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.ThreadEntry;
import io.github.inboxkit.core.inbox.InboxRow;
import io.github.inboxkit.core.label.Label;
import io.github.inboxkit.core.label.LabelColour;
import io.github.inboxkit.core.sending.QuietHoursHold;
import io.github.inboxkit.core.snooze.SnoozeUntil;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.ReadFilter;
import io.github.inboxkit.core.media.InvalidMediaException;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.BroadcastRequest;
import io.github.inboxkit.core.sending.BroadcastResult;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.retention.PurgeSummary;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.template.MergeFields;
import io.github.inboxkit.core.template.Template;
import io.github.inboxkit.core.text.SegmentCount;
import io.github.inboxkit.core.text.SegmentCounter;
import io.github.inboxkit.core.webhook.WebhookOutcome;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The quick start: one scripted day in a team inbox, on the embedded default (an H2 database and
 * the simulated carrier). Two accounts, their users and contacts; inbound messages arriving as
 * signed carrier webhooks through the front door, routed by number; replies, a broadcast, a STOP, assignment, search, a scheduled message,
 * MMS, the segment counter, auto-reopen, labels, a private note, a snooze, a blocked number, a
 * message held by quiet hours, an automatic HELP reply and the retention purge. After each step it prints the
 * inbox as a team-inbox screen would show it.
 *
 * <p>Run it with {@code mvn -B -q -Pquickstart -pl examples -am verify -DskipTests}. Every step
 * checks its own outcome and stops the program with an exception if the library did something
 * else, so a clean exit means every feature shown behaved as described.
 *
 * <p>Not thread-safe: one day, played once, on one thread.
 */
public final class QuickStart {

    static final AccountId ACME = AccountId.of("acme-dental");
    static final AccountId GLOBEX = AccountId.of("globex-hardware");

    // The accounts' sender IDs (F21): two long codes, a short code, and a pool of two numbers (F22).
    static final String MAIN_LINE = "+14155550100";
    static final String FRONT_DESK = "+14155550101";
    static final String SHORT_CODE = "72345";
    static final String POOL_1 = "+14155550110";
    static final String POOL_2 = "+14155550111";
    static final String GLOBEX_LINE = "+14155550200";

    static final String DANA = "+14155550132";
    static final String ELI = "+14155550133";
    static final String FAY = "+14155550134";
    static final String GUS = "+14155550135";

    static final ZoneId CLINIC_TIME = ZoneId.of("America/Los_Angeles");

    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final UserId GINA = UserId.of("gina");

    private final PrintStream out;
    private final ManualClock clock;
    private final SimulatedCarrier carrier;
    private final InboxKit kit;
    private final Sending sending;
    private final InboxPrinter printer;
    private final List<InboxEvent> notifications = new CopyOnWriteArrayList<>();
    private int step;

    /**
     * Wires InboxKit on a store and a carrier: one engine for the inbox and for sending.
     * This is all the wiring a host does; the rest of the class is the day in the inbox.
     */
    QuickStart(InboxStore store, PrintStream out) {
        this.out = out;
        this.clock = new ManualClock(Instant.parse("2026-11-25T16:00:00Z")); // 08:00 at the clinic, in San Francisco
        this.carrier = SimulatedCarrier.builder().clock(clock).build();
        this.kit = InboxKit.builder()
                .store(store)
                .carrier(carrier)
                .clock(clock)
                .eventListener(notifications::add)
                // Acme pays for the team inbox; Globex is on the solo plan (F10).
                .entitlements(Entitlements.teamPlanFor(Set.of(ACME)))
                .build();
        this.sending = kit.sending(); // sending, scheduling, broadcasts, the dispatcher step, the purge
        this.printer = new InboxPrinter(kit, CLINIC_TIME, out);
    }

    /**
     * Runs the quick start on the embedded default and exits 0 when every step behaved.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // The embedded default: an H2 database in memory. For a file, use "jdbc:h2:./inbox".
        try (JdbcInboxStore store = JdbcInboxStore.builder("jdbc:h2:mem:quickstart;DB_CLOSE_DELAY=-1", "sa", "").build()) {
            store.migrate(); // explicit: InboxKit never changes a schema behind the host's back
            new QuickStart(store, System.out).run();
        }
    }

    /** Plays the whole day. */
    void run() {
        accountsUsersAndContacts();
        inboundMessagesFromWebhooks();
        replyFromAChosenSenderId();
        contactFromAConversation();
        templateFilledFromTheContact();
        namedBroadcastWithReplies();
        stopUnsubscribesAndTheNextSendIsRefused();
        resubscription();
        assignmentAndItsHistory();
        typingIndicator();
        unreadCountsAndTheBadge();
        inboxAndInThreadSearch();
        markAllReadAndCloseAllRead();
        autoReopen();
        scheduledMessageSentWhenDue();
        mmsAcceptedAndRefused();
        segmentCounter();
        labelsAndAPrivateNote();
        snoozeUntilTomorrowMorning();
        blockANumber();
        quietHoursHoldAMessage();
        helpReply();
        retentionPurge();
        out.printf("%nDone: the carrier accepted %d messages; the host received %d events.%n",
                carrier.sentMessages().size(), notifications.size());
    }

    InboxKit kit() {
        return kit;
    }

    SimulatedCarrier carrier() {
        return carrier;
    }

    // ----- the day ---------------------------------------------------------------------------

    private void accountsUsersAndContacts() {
        step("Two accounts, their users and contacts");
        kit.administration().createAccount(ACME, "Acme Dental", AccountSettings.builder()
                .senderIds(List.of(MAIN_LINE, FRONT_DESK, SHORT_CODE))
                .defaultSenderId(MAIN_LINE)
                .numberPools(Map.of("reminders", List.of(POOL_1, POOL_2)))
                .templates(Map.of("recall", "Hi {{firstName|there}}, it's time for your check-up. Reply with a day that suits you."))
                .build());
        kit.administration().createAccount(GLOBEX, "Globex Hardware", AccountSettings.builder()
                .senderIds(List.of(GLOBEX_LINE)).defaultSenderId(GLOBEX_LINE).build());
        kit.administration().addUser(ACME, ALICE, "Alice Martin");
        kit.administration().addUser(ACME, BOB, "Bob Okafor");
        kit.administration().addUser(GLOBEX, GINA, "Gina Lopez");
        kit.contacts().create(ACME, DANA, person("Dana", "Scully", "P-1001"));
        kit.contacts().create(ACME, "(415) 555-0133", person("Eli", "Cohen", "P-1002"));
        kit.contacts().create(ACME, "415.555.0134", person("Fay", "Wong", "P-1003"));
        kit.contacts().create(GLOBEX, DANA, ContactDetails.builder().firstName("Dana").build());
        kit.administration().users(ACME).forEach(user ->
                say("%s user %-5s %-12s initials %s", ACME, user.id(), user.displayName(), user.initials()));
        say("Eli was typed as (415) 555-0133 and is stored as %s (F17)", contact(ELI).phone().e164());
    }

    private void inboundMessagesFromWebhooks() {
        step("Inbound messages arrive as signed carrier webhooks, routed by number (F12, F32, F33, F45)");
        deliver(carrier.inboundWebhook(DANA, MAIN_LINE, "Hi! Can I move my appointment to Friday?"));
        deliver(carrier.inboundWebhook(ELI, MAIN_LINE, "Do you take new patients? I'm eli.cohen@example.com"));
        WebhookRequest gus = carrier.inboundWebhook(GUS, FRONT_DESK, "Is the clinic open on Saturday?");
        deliver(gus);
        int repeated = deliver(gus);
        say("the carrier delivered Gus's webhook twice; the second delivery stored %d new message(s) (F32)", repeated);
        expect(repeated == 0, "a repeated webhook must not store a second message");
        deliver(carrier.inboundWebhook(DANA, GLOBEX_LINE, "Do you sell snow shovels?"));
        notifications.stream().filter(InboxEvent.MessageReceived.class::isInstance)
                .map(InboxEvent.MessageReceived.class::cast)
                .forEach(event -> say("notification: new message for %s, badge now %d", event.account(), event.badge()));
        printInbox();
        say("Globex texts with Dana too, in its own inbox; neither account sees the other's thread:");
        printer.print(GLOBEX);
        expect(kit.inbox().counters(GLOBEX).openConversations() == 1, "Globex sees only its own conversation");
    }

    private void replyFromAChosenSenderId() {
        step("Alice reads Dana's message and replies from the front-desk number (F20, F21, F31)");
        kit.conversations().markRead(ACME, thread(DANA));
        send(SendRequest.builder().to(Recipient.contact(contact(DANA).id()))
                .draft(Draft.ofText("Friday 10:30 works. See you then!"))
                .senderId(FRONT_DESK).author(ALICE).build());
        dispatchAndDeliverReports();
        String usedSender = carrier.sentMessages().get(carrier.sentMessages().size() - 1).submission().sender().value();
        say("the carrier sent it from %s; its status in the thread is now %s", usedSender, last(DANA).status());
        expect(usedSender.equals(FRONT_DESK), "the reply goes out from the chosen sender ID");
        printInbox();
    }

    private void contactFromAConversation() {
        step("Gus is not a contact yet: Bob saves him from the conversation (F17)");
        kit.contacts().createFromConversation(ACME, thread(GUS), ContactDetails.builder()
                .firstName("Gus").lastName("Grant")
                .putCustomFields("company", CustomFieldValue.text("Grant & Sons"))
                .putCustomFields("newPatient", CustomFieldValue.flag(true))
                .build());
        say("custom fields saved: %s", contact(GUS).customFields());
        printInbox();
    }

    private void templateFilledFromTheContact() {
        step("A saved template, filled from the contact's first name (F23)");
        Template recall = Template.of("recall", kit.administration().account(ACME).settings().templates().get("recall"));
        Contact fay = contact(FAY);
        String text = recall.render(MergeFields.builder().firstName(fay.firstName()).build()).text();
        say("to Fay: \"%s\"", text);
        send(SendRequest.builder().to(Recipient.contact(fay.id())).draft(Draft.ofText(text)).author(BOB).build());
        say("to someone without a first name: \"%s\"", recall.render(MergeFields.empty()).text());
        dispatchAndDeliverReports();
        printInbox();
    }

    private void namedBroadcastWithReplies() {
        step("A named broadcast through the number pool; replies land in each contact's thread (F19, F22, F4)");
        int sentBefore = carrier.sentMessages().size();
        BroadcastResult result = sending.broadcast(ACME, BroadcastRequest.builder()
                .name("Winter opening hours")
                .recipients(List.of(Recipient.contact(contact(DANA).id()), Recipient.contact(contact(ELI).id()),
                        Recipient.contact(contact(FAY).id()), Recipient.number("not a number")))
                .draft(Draft.ofText("Acme Dental: from Dec 1 we open at 8:00 on weekdays. Reply STOP to opt out."))
                .numberPool("reminders")
                .author(ALICE)
                .build());
        // the call queues the recipients; the dispatcher writes each copy into its thread, then sends it
        say("broadcast \"%s\": %d recipients queued, skipped %s", result.broadcast().name(), result.queued(),
                result.skipped());
        dispatchAndDeliverReports();
        carrier.sentMessages().subList(sentBefore, carrier.sentMessages().size()).forEach(sent ->
                say("carrier: from %s to %s", sent.submission().sender().value(),
                        PhoneNumber.parse(sent.submission().recipient(), "US").masked()));
        deliver(carrier.inboundWebhook(DANA, POOL_1, "Great, 8:00 suits me better!"));
        deliver(carrier.inboundWebhook(FAY, POOL_2, "Thanks for letting me know"));
        say("Dana's thread, one thread whatever number she wrote to:");
        printThread(DANA);
        expect(result.queued() == 3, "three contacts are reached");
        expect(kit.conversations().messages(ACME, thread(DANA), 50).stream()
                .anyMatch(m -> m.broadcastLabel().filter("Winter opening hours"::equals).isPresent()),
                "the broadcast message is labelled in Dana's own thread");
        printInbox();
    }

    private void stopUnsubscribesAndTheNextSendIsRefused() {
        step("Eli answers STOP: he is unsubscribed and the next send is refused (F18)");
        deliver(carrier.inboundWebhook(ELI, POOL_2, "  stop "));
        kit.contacts().subscriptionHistory(ACME, new PhoneNumber(ELI)).forEach(record ->
                say("subscription: %s by %s (keyword %s) at %s", record.action(), record.source(),
                        record.keyword().orElse("-"), record.recordedAt()));
        try {
            send(SendRequest.builder().to(Recipient.number(ELI)).draft(Draft.ofText("Are you sure?")).author(BOB).build());
            throw new IllegalStateException("a send to an unsubscribed contact must be refused");
        } catch (ContactOptedOutException refused) {
            say("refused: %s", refused.getMessage());
        }
        printInbox();
    }

    private void resubscription() {
        step("Eli calls the clinic and asks to get texts again: Bob re-subscribes him (F18)");
        kit.contacts().resubscribe(ACME, new PhoneNumber(ELI), BOB);
        send(SendRequest.builder().to(Recipient.number(ELI))
                .draft(Draft.ofText("You're subscribed again. Welcome back, Eli!")).author(BOB).build());
        dispatchAndDeliverReports();
        say("opted out now? %s", kit.contacts().isOptedOut(ACME, new PhoneNumber(ELI)));
        printInbox();
    }

    private void assignmentAndItsHistory() {
        step("Assignment, its filter and its history; Globex's plan has no team inbox (F5, F9, F10, F13)");
        kit.team().assign(ACME, thread(DANA), ALICE, BOB);
        kit.team().assign(ACME, thread(ELI), BOB, BOB);
        kit.team().assign(ACME, thread(DANA), BOB, ALICE);
        kit.team().ownershipHistory(ACME, thread(DANA)).forEach(change ->
                say("Dana's conversation: %s -> %s, by %s", change.previousAssignee().map(UserId::value).orElse("nobody"),
                        change.newAssignee().map(UserId::value).orElse("nobody"), change.changedBy()));
        printer.printRows("assigned to Bob", kit.inbox().list(ACME,
                InboxQuery.builder().assignment(AssignmentFilter.assignedTo(BOB)).build()).rows());
        printer.printRows("unassigned", kit.inbox().list(ACME,
                InboxQuery.builder().assignment(AssignmentFilter.unassigned()).build()).rows());
        try {
            kit.team().assign(GLOBEX, thread(GLOBEX, DANA), GINA, GINA);
            throw new IllegalStateException("assignment must be refused outside the team plan");
        } catch (FeatureNotInPlanException refused) {
            say("Globex: %s", refused.getMessage());
        }
        printInbox();
    }

    private void typingIndicator() {
        step("Alice types in Dana's conversation; the indicator fades on its own (F14)");
        kit.team().typing(ACME, thread(DANA), ALICE);
        List<UserId> typing = kit.team().whoIsTyping(ACME, thread(DANA));
        say("typing now: %s", typing);
        clock.advance(Duration.ofSeconds(6));
        List<UserId> later = kit.team().whoIsTyping(ACME, thread(DANA));
        say("six seconds after the last keystroke: %s", later);
        expect(typing.equals(List.of(ALICE)) && later.isEmpty(), "typing shows, then expires");
    }

    private void unreadCountsAndTheBadge() {
        step("Unread counts, the badge, the unread filter; Bob marks one message unread again (F7, F11, F20)");
        printer.printRows("unread only", kit.inbox().list(ACME,
                InboxQuery.builder().readFilter(ReadFilter.UNREAD).build()).rows());
        long badgeBefore = kit.inbox().counters(ACME).badge();
        kit.conversations().markRead(ACME, thread(DANA));
        long badgeAfterReading = kit.inbox().counters(ACME).badge();
        Message danasReply = kit.conversations().messages(ACME, thread(DANA), 50).stream()
                .filter(m -> m.direction() == Direction.INBOUND).reduce((first, second) -> second).orElseThrow();
        kit.conversations().markUnread(ACME, danasReply.id());
        long badgeAfterMarkingUnread = kit.inbox().counters(ACME).badge();
        say("badge %d; %d once Bob has read Dana's thread; %d after he marks her last message unread",
                badgeBefore, badgeAfterReading, badgeAfterMarkingUnread);
        expect(badgeAfterReading == badgeBefore - 1 && badgeAfterMarkingUnread == badgeBefore,
                "the badge counts conversations with unread messages");
        printInbox();
    }

    private void inboxAndInThreadSearch() {
        step("Search the inbox by name, partial number and keyword, and search within a thread (F8, F15)");
        for (String query : List.of("scully", "555-0134", "(415) 555 01", "saturday", "%' OR 1=1 --")) {
            printer.printRows("search \"" + query + "\"",
                    kit.inbox().list(ACME, InboxQuery.builder().search(query).build()).rows());
        }
        List<Message> found = kit.conversations().search(ACME, thread(ELI), "@example.com");
        found.forEach(m -> say("in Eli's thread, \"@example.com\": \"%s\"", m.text()));
        expect(found.size() == 1, "the email address is found in Eli's thread");
    }

    private void markAllReadAndCloseAllRead() {
        step("Mark all read, then close all read (F6, F2)");
        int read = kit.inbox().markAllRead(ACME);
        deliver(carrier.inboundWebhook(DANA, FRONT_DESK, "One more question: is parking free?"));
        int closed = kit.inbox().closeAllRead(ACME);
        say("marked %d conversation(s) read; Dana wrote again; closed %d read conversation(s)", read, closed);
        printInbox();
    }

    private void autoReopen() {
        step("A closed conversation still sends and receives, and reopens when it does (F3, F16)");
        deliver(carrier.inboundWebhook(FAY, POOL_2, "Actually, can I book for next week?"));
        send(SendRequest.builder().to(Recipient.number(GUS))
                .draft(Draft.ofText("Yes, Saturdays 9:00 to 13:00.")).author(ALICE).build());
        dispatchAndDeliverReports();
        say("Fay's thread is %s (inbound), Gus's is %s (outbound)", conversation(FAY).state(), conversation(GUS).state());
        kit.conversations().close(ACME, thread(ELI));
        kit.conversations().reopen(ACME, thread(ELI));
        kit.conversations().close(ACME, thread(ELI));
        printInbox();
    }

    private void scheduledMessageSentWhenDue() {
        step("A reminder scheduled for 17:30 clinic time is sent once, when due (F27)");
        ZonedDateTime when = ZonedDateTime.now(clock).withZoneSameInstant(CLINIC_TIME)
                .with(LocalTime.of(17, 30));
        OutboxEntry reminder = sending.schedule(ACME, SendRequest.builder().to(Recipient.number(DANA))
                .draft(Draft.ofText("Reminder: your appointment is on Friday at 10:30.")).author(ALICE).build(), when);
        sending.scheduled(ACME).forEach(entry -> say("scheduled: %s for %s", entry.messageId(),
                entry.scheduledFor().orElseThrow().toZonedDateTime()));
        say("dispatcher before it is due: %s", sending.dispatcher().dispatchDue());
        clock.advance(Duration.between(clock.instant(), when.toInstant()));
        DispatchSummary due = sending.dispatcher().dispatchDue();
        DispatchSummary again = sending.dispatcher().dispatchDue();
        say("at 17:30: %s; and again: %s", due, again);
        long sentCopies = carrier.sentMessages().stream()
                .filter(sent -> sent.submission().idempotencyKey().contains(reminder.messageId().toString())).count();
        say("the carrier received the reminder %d time(s)", sentCopies);
        expect(due.sent() == 1 && again.sent() == 0 && sentCopies == 1, "the scheduled message is sent exactly once");
        printInbox();
    }

    private void mmsAcceptedAndRefused() {
        step("MMS: a real PNG is accepted; a PDF named photo.jpg is refused by its bytes (F26, F28)");
        byte[] png = SamplePictures.png(64, 48);
        send(SendRequest.builder().to(Recipient.number(DANA))
                .draft(Draft.builder().text("Here is the map to the parking.").attachment(Attachment.of(png, "image/png")).build())
                .author(ALICE).build());
        dispatchAndDeliverReports();
        say("sent with %s", carrier.sentMessages().get(carrier.sentMessages().size() - 1).submission().media());
        try {
            send(SendRequest.builder().to(Recipient.number(DANA))
                    .draft(Draft.builder().attachment(Attachment.of(SamplePictures.pdfPretendingToBeAJpeg(), "image/jpeg")).build())
                    .author(ALICE).build());
            throw new IllegalStateException("a PDF must not go out as an MMS picture");
        } catch (InvalidMediaException refused) {
            say("refused (%s): %s", refused.reason(), refused.getMessage());
        }
    }

    private void segmentCounter() {
        step("The segment counter on drafts: GSM-7, an extension character, emoji, smart encoding (F24, F25)");
        SegmentCounter standard = SegmentCounter.standard();
        SegmentCounter smart = SegmentCounter.builder().smartEncoding(true).build();
        describe("GSM-7", standard.count("Your appointment is confirmed for Friday at 10:30. Reply STOP to opt out."));
        describe("euro sign", standard.count("The check-up costs 45€ {cash or card}."));
        describe("161 letters", standard.count("a".repeat(161)));
        describe("emoji", standard.count("See you soon 😊"));
        String typographic = "We’re open “Saturday” 9–13 — see you!";
        describe("typographic", standard.count(typographic));
        SegmentCount smartCount = smart.count(typographic);
        describe("smart-encoded", smartCount);
        say("smart encoding replaced %s", smartCount.smartEncodingReplacements().stream()
                .map(replacement -> replacement.original() + " with " + replacement.replacement())
                .collect(Collectors.joining(", ")));
    }

    private void labelsAndAPrivateNote() {
        step("Labels, the inbox filtered by one, and a private note that mentions Bob (F35, F36)");
        Label followUp = kit.labels().create(ACME, "Follow-up", LabelColour.of("#D4A017"));
        int labelled = kit.labels().label(ACME, followUp.id(), List.of(thread(DANA), thread(FAY)));
        List<InboxRow> rows = kit.inbox().list(ACME, InboxQuery.builder().label(followUp.id()).build()).rows();
        say("label \"%s\" %s on %d conversation(s); the inbox filtered by it lists %s", followUp.name(),
                followUp.colour(), labelled, rows.stream().map(row -> row.displayName()).toList());
        expect(rows.size() == 2, "the label filter lists Dana's and Fay's conversations");
        long badge = kit.inbox().counters(ACME).badge();
        kit.conversations().addNote(ACME, thread(DANA), ALICE, "@BO she prefers mornings: call before 10");
        long mentions = notifications.stream().filter(InboxEvent.NoteMentioned.class::isInstance).count();
        say("Alice's note in Dana's thread mentions Bob: %d notification(s); the badge stays %d", mentions,
                kit.inbox().counters(ACME).badge());
        expect(mentions == 1 && kit.inbox().counters(ACME).badge() == badge, "a note notifies Bob and is never unread");
        kit.conversations().thread(ACME, thread(DANA), 3).forEach(entry -> say("  %s",
                entry instanceof ThreadEntry.NoteEntry note ? "note by " + note.note().author() + ": " + note.note().text()
                        : ((ThreadEntry.MessageEntry) entry).message().direction() + " " + ((ThreadEntry.MessageEntry) entry)
                                .message().text()));
    }

    private void snoozeUntilTomorrowMorning() {
        step("Bob snoozes Gus's conversation until 09:00 tomorrow, clinic time; it wakes once (F37)");
        LocalDateTime tomorrowNine = ZonedDateTime.now(clock).withZoneSameInstant(CLINIC_TIME).toLocalDate().plusDays(1)
                .atTime(9, 0);
        kit.snoozes().snooze(ACME, thread(GUS), SnoozeUntil.time(tomorrowNine, CLINIC_TIME));
        say("snoozed view: %s; open tab: %s", names(InboxQuery.snoozedView()), names(InboxQuery.openTab()));
        expect(names(InboxQuery.snoozedView()).size() == 1,
                "Gus's conversation leaves the open tab for the snoozed view");
        say("woken before 09:00: %d", kit.snoozes().wakeDue());
        clock.advance(Duration.between(clock.instant(), tomorrowNine.atZone(CLINIC_TIME).toInstant()));
        int woken = kit.snoozes().wakeDue();
        say("woken at 09:00: %d, and again: %d; the snoozed view is empty: %s", woken, kit.snoozes().wakeDue(),
                names(InboxQuery.snoozedView()).isEmpty());
        expect(woken == 1 && names(InboxQuery.snoozedView()).isEmpty(), "the snooze wakes once, at its time");
    }

    private void blockANumber() {
        step("A number that sends abuse is blocked: its messages make no conversation, only a log line (F38)");
        String troll = "+14155550199";
        kit.blocking().block(ACME, troll, "abusive messages", ALICE);
        long badge = kit.inbox().counters(ACME).badge();
        deliver(carrier.inboundWebhook(troll, MAIN_LINE, "you again"));
        kit.blocking().blockedLog(ACME).forEach(entry -> say("blocked log: %s, %d message(s), last at %s",
                entry.phone().masked(), entry.count(), entry.lastSeen()));
        expect(kit.conversations().findByPhone(ACME, troll).isEmpty() && kit.inbox().counters(ACME).badge() == badge,
                "a blocked number's message creates no conversation and no unread");
        try {
            send(SendRequest.builder().to(Recipient.number(troll)).draft(Draft.ofText("Please stop")).author(BOB).build());
            throw new IllegalStateException("a send to a blocked number must be refused");
        } catch (ContactBlockedException refused) {
            say("refused: %s", refused.getMessage());
        }
    }

    private void quietHoursHoldAMessage() {
        step("Federal quiet hours: a message written at 21:30 is held until 08:00 the next morning (F41)");
        kit.administration().updateSettings(ACME, ImmutableAccountSettings.copyOf(kit.administration().account(ACME)
                .settings()).withQuietHours(QuietHoursPolicy.federal()));
        ZonedDateTime evening = ZonedDateTime.now(clock).withZoneSameInstant(CLINIC_TIME).with(LocalTime.of(21, 30));
        clock.advance(Duration.between(clock.instant(), evening.toInstant()));
        OutboxEntry tip = send(SendRequest.builder().to(Recipient.number(FAY))
                .draft(Draft.ofText("Tip: floss before bed tonight!")).category(MessageCategory.INFORMATIONAL)
                .author(BOB).build());
        QuietHoursHold hold = tip.hold().orElseThrow(() -> new IllegalStateException("the tip must be held"));
        say("held (%s) until %s", hold.reason(), hold.releaseAt().atZone(CLINIC_TIME).toLocalDateTime());
        say("dispatcher at 21:30: %s", sending.dispatcher().dispatchDue());
        clock.advance(Duration.between(clock.instant(), hold.releaseAt()));
        DispatchSummary morning = sending.dispatcher().dispatchDue();
        say("dispatcher at 08:00: %s", morning);
        expect(morning.sent() == 1, "the held message goes once the window opens");
    }

    private void helpReply() {
        step("Gus texts HELP: the account's help text is queued and sent automatically (F42)");
        kit.administration().updateSettings(ACME, ImmutableAccountSettings.copyOf(kit.administration().account(ACME)
                .settings()).withConsentReplies(ConsentReplies.builder()
                        .helpText("Acme Dental: help at acme.example or 415-555-0100. Msg & data rates may apply."
                                + " Reply STOP to unsubscribe.")
                        .build()));
        deliver(carrier.inboundWebhook(GUS, MAIN_LINE, "HELP"));
        dispatchAndDeliverReports();
        Message reply = last(GUS);
        say("the reply in Gus's thread: \"%s\" (%s)", reply.text(), reply.status());
        expect(reply.direction() == Direction.OUTBOUND && reply.text().startsWith("Acme Dental: help"),
                "HELP is answered with the account's help text");
    }

    private List<String> names(InboxQuery query) {
        return kit.inbox().list(ACME, query).rows().stream().map(row -> row.displayName()).toList();
    }

    private void retentionPurge() {
        step("Ninety-one days later: Fay writes again, and the retention purge removes the rest (F1, F30)");
        clock.advance(Duration.ofDays(91));
        deliver(carrier.inboundWebhook(FAY, MAIN_LINE, "Hello again! Time for my next check-up?"));
        PurgeSummary purged = kit.retention().purgeExpired();
        say("purged %d message(s) and %d conversation(s) in %d batch(es)", purged.messages(), purged.conversations(),
                purged.batches());
        printInbox();
        printThread(FAY);
        expect(kit.inbox().counters(ACME).openConversations() + kit.inbox().counters(ACME).closedConversations() == 1,
                "only Fay's fresh conversation is left");
    }

    // ----- what a host writes around the library ------------------------------------------------

    /**
     * What a webhook endpoint does: let the carrier check and parse the request, then hand each
     * inbound message and delivery report to the engine. Webhooks are configured per account, so
     * the account is known from where the request arrived.
     *
     * @return how many new messages were stored (repeats count 0)
     */
    /**
     * What the host's webhook endpoint does: hand the carrier's request to the front door, which
     * checks the signature and routes each message and report to the account owning its number.
     *
     * @return how many new inbound messages were stored
     */
    private int deliver(WebhookRequest request) {
        WebhookOutcome outcome = kit.webhooks().handle(carrier.id(), request);
        if (!(outcome instanceof WebhookOutcome.Processed processed) || !processed.refusedItems().isEmpty()) {
            throw new IllegalStateException("the front door answered HTTP " + outcome.httpStatus() + ": "
                    + outcome.responseBody());
        }
        return processed.messagesStored();
    }

    private OutboxEntry send(SendRequest request) {
        return sending.send(ACME, request);
    }

    /** One dispatcher step (a host runs it on a timer: see DispatcherRunner), then the carrier's reports. */
    private void dispatchAndDeliverReports() {
        sending.dispatcher().dispatchDue();
        carrier.drainDeliveryReportWebhook().ifPresent(reports -> deliver(reports));
    }

    // ----- small helpers for printing and checking ------------------------------------------------

    private static ContactDetails person(String first, String last, String patientNumber) {
        return ContactDetails.builder().firstName(first).lastName(last)
                .putCustomFields("patientNumber", CustomFieldValue.text(patientNumber)).build();
    }

    private Contact contact(String phone) {
        return kit.contacts().findByPhone(ACME, phone).orElseThrow();
    }

    private ConversationId thread(String phone) {
        return thread(ACME, phone);
    }

    private ConversationId thread(AccountId account, String phone) {
        return kit.conversations().findByPhone(account, phone).orElseThrow().id();
    }

    private Conversation conversation(String phone) {
        return kit.conversations().findByPhone(ACME, phone).orElseThrow();
    }

    private Message last(String phone) {
        List<Message> messages = kit.conversations().messages(ACME, thread(phone), 1);
        return messages.get(messages.size() - 1);
    }

    private void printInbox() {
        printer.print(ACME);
    }

    private void printThread(String phone) {
        kit.conversations().messages(ACME, thread(phone), 50).forEach(m -> say("  %s %-9s %-8s %s%s",
                m.direction() == Direction.INBOUND ? "<-" : "->", m.status(),
                m.read() ? "" : "unread", m.broadcastLabel().map(label -> "[" + label + "] ").orElse(""), m.text()));
    }

    private void describe(String label, SegmentCount count) {
        say("%-13s %-5s %2d char(s), %3d unit(s), %d segment(s), %3d left in this one%s", label,
                count.encoding(), count.characterCount(), count.unitCount(), count.segmentCount(),
                count.remainingInSegment(),
                count.nonGsmCharacters().isEmpty() ? "" : ", forced UCS-2 by " + count.nonGsmCharacters());
    }

    private void step(String title) {
        if (step > 0) {
            clock.advance(Duration.ofMinutes(20)); // the day goes on between steps
        }
        out.printf("%n%d. %s%n", ++step, title);
    }

    private void say(String format, Object... arguments) {
        out.printf("   " + format + "%n", arguments);
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("quick start: expected that " + what);
        }
    }
}
