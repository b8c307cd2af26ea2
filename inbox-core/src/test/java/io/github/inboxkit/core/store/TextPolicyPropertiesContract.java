package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.compose.EmptyDraftException;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.contact.CustomFieldValue;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.NewOutboundMessage;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.text.TextRepair;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import io.github.inboxkit.core.text.MalformedTextException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Contract: jqwik properties that arbitrary UTF-16 strings (NUL, every control character, lone
 * high and low surrogates, pairs in the wrong order, code points of every plane) through ingestion,
 * drafts sent through the sending pipeline, recorded outbound text, names, custom fields and search either come back exactly, or come back repaired
 * and marked (ingestion), or are refused with a {@link MalformedTextException} that points at the
 * first offending character (host input), and that the store under test answers every search as
 * the in-memory store does (F8, F15, F17, F32, F34).
 *
 * <p>The expected outcomes come from a model written here, character by character, not from the
 * engine's own code.
 */
public abstract class TextPolicyPropertiesContract {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    /** The reference every store's search answers are compared with. */
    private final InboxStore reference = InMemoryInboxStore.create();

    /**
     * Creates the store under test, or returns a shared one (each try uses a fresh account).
     *
     * @return the store
     */
    protected abstract InboxStore newStore();

    /** Any UTF-16 string, built of pieces that make the hard cases frequent. */
    @Provide
    Arbitrary<String> utf16() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(4)),
                // any code unit: NUL, controls, lone surrogates, noncharacters
                Tuple.of(3, Arbitraries.chars().all().map(String::valueOf)),
                // a code point of any of the 17 planes, surrogate pairs for planes 1 to 16
                Tuple.of(3, Arbitraries.integers().between(0, 16)
                        .flatMap(plane -> Arbitraries.integers().between(plane << 16, (plane << 16) | 0xFFFF))
                        .filter(codePoint -> codePoint < 0xD800 || codePoint > 0xDFFF)
                        .map(Character::toString)),
                Tuple.of(1, Arbitraries.of("\u0000", "\uD83D", "\uDE00", "\uDE00\uD83D", "😀", "Σ", "İ", "ß")));
        return piece.list().ofMinSize(1).ofMaxSize(10).map(pieces -> String.join("", pieces));
    }

    @Property(tries = 60)
    @Label("F32 F34 any inbound text is stored exactly, or with U+FFFD for NUL and unpaired surrogates and marked repaired")
    void inboundTextIsKeptOrRepaired(@ForAll("utf16") String text) {
        World world = new World(newStore());

        ReceivedMessage received = world.receive(world.phone(0), text);

        String expected = modelRepair(text);
        assertThat(received.message().text()).isEqualTo(expected);
        assertThat(received.message().textRepairs()).isEqualTo(expected.equals(text)
                ? Set.of() : Set.of(TextRepair.MALFORMED_CHARACTERS_REPLACED));
        assertThat(world.kit.conversations().messages(world.account, received.conversation().id(), 10))
                .containsExactly(received.message());
    }

    @Property(tries = 60)
    @Label("F34 any outbound text is recorded exactly or refused at its first NUL or unpaired surrogate, nothing written")
    void outboundTextIsKeptOrRefused(@ForAll("utf16") String text) {
        World world = new World(newStore());
        Supplier<Message> record = () -> world.kit.conversations().recordOutbound(world.account,
                NewOutboundMessage.builder().to(world.phone(0)).text(text).author(UserId.of("alice")).build());

        Outcome<Message> outcome = Outcome.of(record);

        int unstorable = modelFirstUnstorable(text);
        if (unstorable >= 0) {
            assertRefused(outcome, "text", text, unstorable);
            assertThat(world.kit.conversations().findByPhone(world.account, world.phone(0).e164())).isEmpty();
        } else {
            Message sent = outcome.value();
            assertThat(sent.text()).isEqualTo(text);
            assertThat(sent.textRepairs()).isEmpty();
            assertThat(world.kit.conversations().messages(world.account, sent.conversationId(), 10)).containsExactly(sent);
        }
    }

    @Property(tries = 60)
    @Label("F28 F34 any draft is queued exactly, or refused at its first NUL or unpaired surrogate before anything is queued")
    void draftIsQueuedOrRefused(@ForAll("utf16") String text) {
        World world = new World(newStore());
        Supplier<OutboxEntry> send = () -> world.kit.sending().send(world.account, SendRequest.builder()
                .to(Recipient.number(world.phone(0).e164())).draft(Draft.ofText(text)).build());

        Outcome<OutboxEntry> outcome = Outcome.of(send);

        int unstorable = modelFirstUnstorable(text);
        if (unstorable < 0 && text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT)) {
            assertThat(outcome.failure()).isInstanceOf(EmptyDraftException.class);
        } else if (unstorable >= 0) {
            assertRefused(outcome, "text", text, unstorable);
        } else {
            OutboxEntry queued = outcome.value();
            assertThat(queued.text()).isEqualTo(text);
            assertThat(world.kit.conversations().messages(world.account, queued.conversationId(), 10))
                    .extracting(Message::text).containsExactly(text);
            return;
        }
        assertThat(world.kit.conversations().findByPhone(world.account, world.phone(0).e164())).isEmpty();
    }

    @Property(tries = 60)
    @Label("F17 F34 any name or custom field text is saved exactly or refused at its first NUL or unpaired surrogate")
    void contactTextIsKeptOrRefused(@ForAll("utf16") String name, @ForAll("utf16") String note) {
        World world = new World(newStore());
        Supplier<Contact> save = () -> world.kit.contacts().create(world.account, world.phone(0).e164(),
                ContactDetails.builder().firstName(name).putCustomFields("note", CustomFieldValue.text(note)).build());

        Outcome<Contact> outcome = Outcome.of(save);

        if (modelFirstUnstorable(name) >= 0) {
            assertRefused(outcome, "firstName", name, modelFirstUnstorable(name));
        } else if (modelFirstUnstorable(note) >= 0) {
            assertRefused(outcome, "customFields.note", note, modelFirstUnstorable(note));
        } else if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            assertThat(outcome.failure()).isInstanceOf(InvalidValueException.class);
        } else {
            Contact saved = outcome.value();
            assertThat(saved.firstName()).contains(name);
            assertThat(world.kit.contacts().get(world.account, saved.id())).isEqualTo(saved);
            world.receive(world.phone(0), "hello");
            assertThat(world.kit.inbox().list(world.account, InboxQuery.openTab()).rows())
                    .extracting(InboxRow::contactName).containsExactly(java.util.Optional.of(name));
            return;
        }
        assertThat(world.kit.contacts().findByPhone(world.account, world.phone(0).e164())).isEmpty();
    }

    @Property(tries = 60)
    @Label("F8 F15 F34 any search term is refused at its first NUL or unpaired surrogate, or answered as the in-memory store answers it")
    void searchAnswersAsTheReference(@ForAll("utf16") String first, @ForAll("utf16") String second,
            @ForAll("utf16") String name, @ForAll("utf16") String term) {
        World tested = new World(newStore());
        World model = new World(reference);
        for (World world : List.of(tested, model)) {
            world.receive(world.phone(0), first);
            world.receive(world.phone(1), second);
            world.receive(world.phone(1), first + second);
            if (modelFirstUnstorable(name) < 0 && !name.isBlank() && name.length() <= 100
                    && name.chars().noneMatch(Character::isISOControl)) {
                world.kit.contacts().create(world.account, world.phone(1).e164(),
                        ContactDetails.builder().lastName(name).build());
            }
        }
        String search = term.length() > 200 ? term.substring(0, 200) : term;

        List<Outcome<List<Integer>>> inbox = List.of(tested.searchInbox(search), model.searchInbox(search));
        List<Outcome<List<String>>> thread = List.of(tested.searchThread(1, search), model.searchThread(1, search));

        int unstorable = modelFirstUnstorable(search);
        if (unstorable >= 0) {
            assertRefused(inbox.get(0), "search", search, unstorable);
            assertRefused(thread.get(0), "text", search, unstorable);
        }
        assertThat(inbox.get(0).describe()).isEqualTo(inbox.get(1).describe());
        assertThat(thread.get(0).describe()).isEqualTo(thread.get(1).describe());
    }

    // ----- the model ----------------------------------------------------------------------------

    /** Index of the first NUL or unpaired surrogate, walking code points, or -1. */
    static int modelFirstUnstorable(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (codePoint == 0 || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    /** Each NUL and unpaired surrogate replaced by U+FFFD. */
    static String modelRepair(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(codePoint -> out.appendCodePoint(
                codePoint == 0 || (codePoint >= 0xD800 && codePoint <= 0xDFFF) ? 0xFFFD : codePoint));
        return out.toString();
    }

    private static void assertRefused(Outcome<?> outcome, String field, String text, int index) {
        assertThat(outcome.failure()).isInstanceOfSatisfying(MalformedTextException.class, refused -> {
            assertThat(refused.field()).isEqualTo(field);
            assertThat(refused.index()).isEqualTo(index);
            assertThat(refused.codeUnit()).isEqualTo(text.charAt(index));
            assertThat(refused.getMessage()).contains(field).contains("index " + index)
                    .contains(String.format("U+%04X", (int) text.charAt(index)));
        });
    }

    /** A value or the exception that took its place. */
    record Outcome<T>(T value, RuntimeException failure) {

        static <T> Outcome<T> of(Supplier<T> call) {
            try {
                return new Outcome<>(call.get(), null);
            } catch (RuntimeException e) {
                return new Outcome<>(null, e);
            }
        }

        /** What two stores must agree on: the value, or the exception's type and field. */
        String describe() {
            if (failure instanceof MalformedTextException malformed) {
                return "refused " + malformed.field() + " at " + malformed.index();
            }
            return failure != null ? "failed " + failure.getClass().getName() : "answered " + value;
        }
    }

    /** An engine with the simulated carrier on a store, with a fresh account and its user alice. */
    private static final class World {

        final InboxKit kit;
        final AccountId account = AccountId.of("acct-" + UUID.randomUUID());
        /** Each world's own receiving number: a number belongs to one account of a store (F45). */
        private final String accountNumber = StoreContractSupport.freshNumber();
        private int carrierIds;

        World(InboxStore store) {
            MutableClock clock = new MutableClock(START);
            kit = InboxKit.builder().store(store).clock(clock)
                    .carrier(SimulatedCarrier.builder().seed(1).clock(clock).build()).build();
            kit.administration().createAccount(account, "Text policy", AccountSettings.builder().defaultRegion("FR")
                    .senderIds(List.of(accountNumber)).defaultSenderId(accountNumber).build());
            kit.administration().addUser(account, UserId.of("alice"), "Alice");
        }

        PhoneNumber phone(int index) {
            return new PhoneNumber(String.format("+3361000%04d", index));
        }

        ReceivedMessage receive(PhoneNumber from, String text) {
            return kit.ingestion().receive(account, IncomingMessage.builder().carrierMessageId("c-" + carrierIds++)
                    .contactNumber(from.e164()).accountNumber(accountNumber).text(text).build());
        }

        /** The matching conversations, as indexes of their phone numbers. */
        Outcome<List<Integer>> searchInbox(String term) {
            return Outcome.of(() -> kit.inbox().list(account, InboxQuery.builder().search(term).build()).rows().stream()
                    .map(row -> Integer.parseInt(row.contactPhone().e164().substring(8)))
                    .sorted() // every message has the same instant: the order among them is the ids'
                    .toList());
        }

        /** The texts of the matching messages of one phone's conversation, newest first. */
        Outcome<List<String>> searchThread(int phone, String term) {
            ConversationId id = kit.conversations().findByPhone(account, phone(phone).e164()).orElseThrow().id();
            return Outcome.of(() -> kit.conversations().search(account, id, term).stream().map(Message::text).toList());
        }
    }
}
