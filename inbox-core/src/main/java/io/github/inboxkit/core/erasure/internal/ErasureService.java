package io.github.inboxkit.core.erasure.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.contact.NoSuchContactException;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.MediaReference;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.erasure.Erasure;
import io.github.inboxkit.core.erasure.ErasureCounts;
import io.github.inboxkit.core.erasure.ErasureId;
import io.github.inboxkit.core.erasure.ErasureIncompleteException;
import io.github.inboxkit.core.erasure.ErasureRecord;
import io.github.inboxkit.core.erasure.ErasureRequest;
import io.github.inboxkit.core.erasure.ErasureResult;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.internal.ErasedNumbers;
import io.github.inboxkit.core.internal.Step;
import io.github.inboxkit.core.internal.Subscriptions;
import io.github.inboxkit.core.internal.ThreadDeletion;
import io.github.inboxkit.core.internal.UnitOfWork;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.store.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure (F40): a first transaction resolves the number and starts the proof record (or finds
 * the unfinished one of an interrupted call); then transactions of at most {@code batchSize}
 * messages each delete the number's thread, the counters exact after each; a last transaction
 * deletes the contact, the subscription records (kept as a hashed opt-out where the number was
 * opted out), queued broadcast copies and skips, and completes the record. Each runs through the
 * engine's one unit of work, its events published after its commit. Thread-safe.
 */
public final class ErasureService implements Erasure {

    /** How often the thread is erased again when new messages arrived before the last transaction. */
    static final int MAX_ROUNDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(ErasureService.class);
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final UnitOfWork unitOfWork;
    private final int batchSize;

    /**
     * Wires erasure.
     *
     * @param unitOfWork runs each transaction and publishes its events after the commit
     * @param settings the most messages per transaction
     */
    public ErasureService(UnitOfWork unitOfWork, ErasureSettings settings) {
        this.unitOfWork = unitOfWork;
        this.batchSize = settings.erasureBatchSize();
    }

    private record Started(PhoneNumber phone, ErasureId erasure, boolean resumed) {}

    private record Batch(boolean more, List<MediaReference> media) {}

    @Override
    public ErasureResult erase(AccountId account, ErasureRequest request) {
        Require.nonNull(account, "account");
        Require.nonNull(request, "request");
        Started started = unitOfWork.run(account, step -> start(step, request));
        List<MediaReference> media = new ArrayList<>();
        for (int round = 1; ; round++) {
            Batch batch;
            do {
                batch = unitOfWork.run(account, step -> eraseMessages(step, started.phone(), started.erasure()));
                media.addAll(batch.media());
            } while (batch.more());
            Optional<ErasureRecord> finished = unitOfWork.run(account, step -> finish(step, started, request));
            if (finished.isPresent()) {
                ErasureCounts counts = finished.get().counts();
                LOG.info("Erasure {} finished in account {}: {} messages, {} conversations, {} contacts in {} batches",
                        started.erasure(), account, counts.messages(), counts.conversations(), counts.contacts(),
                        counts.batches());
                return new ErasureResult(finished.get(), started.resumed(), media);
            }
            if (round >= MAX_ROUNDS) {
                throw new ErasureIncompleteException(started.erasure(), round);
            }
        }
    }

    @Override
    public List<ErasureRecord> findErasures(AccountId account, PhoneNumber number) {
        Require.nonNull(account, "account");
        Require.nonNull(number, "number");
        return unitOfWork.run(account, step -> {
            step.account();
            return ErasedNumbers.hashIfKeyed(step.tx(), number)
                    .map(hash -> step.tx().erasures().listErasureRecords(hash))
                    .orElse(List.of());
        });
    }

    /** Resolves the number and starts the record, or finds the unfinished one; no copy is queued to the number from here. */
    private Started start(Step step, ErasureRequest request) {
        step.account();
        StoreTransaction tx = step.tx();
        PhoneNumber phone = request instanceof ErasureRequest.ByContact byContact
                ? tx.contacts().findContact(byContact.contact())
                        .orElseThrow(() -> new NoSuchContactException(byContact.contact())).phone()
                : ((ErasureRequest.ByNumber) request).number();
        String hash = ErasedNumbers.hashMakingKey(tx, phone, step.now());
        long queued = tx.broadcasts().deleteQueuedRecipients(phone);
        Optional<ErasureRecord> unfinished = tx.erasures().listErasureRecords(hash).stream()
                .filter(record -> record.completedAt().isEmpty())
                .findFirst();
        ErasureRecord record = unfinished.orElseGet(() -> ErasureRecord.builder()
                .id(ErasureId.random())
                .numberHash(hash)
                .requestedBy(request.requestedBy())
                .requestedAt(step.now())
                .counts(ErasureCounts.NOTHING)
                .build());
        ErasureRecord counted = withCounts(record,
                record.counts().plus(new ErasureCounts(0, 0, 0, 0, 0, 0, 0, queued, 0, 0, 0, 1)));
        if (unfinished.isPresent()) {
            tx.erasures().updateErasureRecord(counted);
        } else {
            tx.erasures().insertErasureRecord(counted);
        }
        return new Started(phone, record.id(), unfinished.isPresent());
    }

    /** Deletes up to a batch of the thread's messages, newest first, and the thread once empty. */
    private Batch eraseMessages(Step step, PhoneNumber phone, ErasureId erasure) {
        StoreTransaction tx = step.tx();
        Optional<Conversation> locked = tx.conversations().lockConversationByPhone(phone);
        if (locked.isEmpty()) {
            return new Batch(false, List.of());
        }
        Conversation conversation = locked.get();
        // the epoch as the lower bound: every message, whatever the retention window
        List<Message> messages = tx.messages().listMessages(conversation.id(), Long.MAX_VALUE, Instant.EPOCH, batchSize);
        List<MessageId> ids = messages.stream().map(Message::id).toList();
        Map<MessageId, OutboxEntry> entries = tx.outbox().lockOutboxEntries(ids);
        long inFlight = entries.values().stream().filter(entry -> entry.status() == MessageStatus.SENDING).count();
        long reports = takeKeptReports(tx, entries.values());
        long idempotencyKeys = ids.isEmpty() ? 0 : tx.idempotency().deleteIdempotencyRecords(ids);
        ThreadDeletion.Deleted deleted = ThreadDeletion.deleteMessages(tx, conversation, messages, true);
        List<MediaReference> media = messages.stream().flatMap(message -> message.media().stream()).toList();
        addCounts(tx, erasure, new ErasureCounts(deleted.messages(), deleted.conversationDeleted() ? 1 : 0,
                deleted.assignmentChanges(), entries.size(), inFlight, 0, 0, 0, 0, idempotencyKeys, reports, 1));
        if (deleted.messages() > 0) {
            step.publish(new InboxEvent.MessagesErased(tx.accountId(), erasure, conversation.id(),
                    (int) deleted.messages(), media, step.now()));
        }
        return new Batch(!deleted.conversationDeleted(), media);
    }

    /** Removes the delivery reports kept for the erased messages' carrier ids. */
    private static long takeKeptReports(StoreTransaction tx, Iterable<OutboxEntry> entries) {
        Map<String, List<String>> byCarrier = new LinkedHashMap<>();
        for (OutboxEntry entry : entries) {
            entry.carrierMessageId().ifPresent(id ->
                    byCarrier.computeIfAbsent(entry.carrierId(), carrier -> new ArrayList<>()).add(id));
        }
        long taken = 0;
        for (Map.Entry<String, List<String>> carrier : byCarrier.entrySet()) {
            taken += tx.reports().takeUnmatchedReports(carrier.getKey(), carrier.getValue()).values().stream()
                    .mapToLong(List::size).sum();
        }
        return taken;
    }

    /**
     * Deletes what is left of the number and completes the record; empty, and nothing written, if
     * a new message of the number arrived since the last batch.
     */
    private Optional<ErasureRecord> finish(Step step, Started started, ErasureRequest request) {
        StoreTransaction tx = step.tx();
        PhoneNumber phone = started.phone();
        if (tx.conversations().lockConversationByPhone(phone).isPresent()) {
            return Optional.empty();
        }
        Set<ContactId> contacts = new LinkedHashSet<>();
        tx.contacts().findContactByPhone(phone).map(Contact::id).ifPresent(contacts::add);
        if (request instanceof ErasureRequest.ByContact byContact) {
            contacts.add(byContact.contact());
        }
        long contactsDeleted = contacts.stream().filter(tx.contacts()::deleteContact).count();
        String hash = ErasedNumbers.hashMakingKey(tx, phone, step.now());
        Optional<OptOutRecord> latest = tx.consent().latestOptOutRecord(phone);
        if (latest.isPresent()) {
            // the number's state survives as its hash: an erased STOP is never texted again
            if (Subscriptions.optsOut(latest.get())) {
                tx.erasures().putErasedOptOut(hash, latest.get().recordedAt());
            } else {
                tx.erasures().deleteErasedOptOut(hash);
            }
        }
        long optOutRecords = tx.consent().deleteOptOutRecords(phone);
        long queued = tx.broadcasts().deleteQueuedRecipients(phone);
        long skips = tx.broadcasts().deleteBroadcastSkips(spellings(phone, contacts));
        ErasureRecord record = addCounts(tx, started.erasure(),
                new ErasureCounts(0, 0, 0, 0, 0, contactsDeleted, optOutRecords, queued, skips, 0, 0, 1));
        ErasureRecord completed = ErasureRecord.builder().from(record).completedAt(step.now()).build();
        tx.erasures().updateErasureRecord(completed);
        step.publish(new InboxEvent.ContactErased(tx.accountId(), completed));
        return Optional.of(completed);
    }

    private static ErasureRecord addCounts(StoreTransaction tx, ErasureId erasure, ErasureCounts counts) {
        ErasureRecord record = tx.erasures().findErasureRecord(erasure)
                .orElseThrow(() -> new IllegalStateException("the erasure record " + erasure + " is gone"));
        ErasureRecord updated = withCounts(record, record.counts().plus(counts));
        tx.erasures().updateErasureRecord(updated);
        return updated;
    }

    private static ErasureRecord withCounts(ErasureRecord record, ErasureCounts counts) {
        return ErasureRecord.builder().from(record).counts(counts).build();
    }

    /**
     * The texts a broadcast skip may hold for the number or its contacts, without separators: the
     * contact ids, the E.164 form, its digits, with {@code 00}, and the national forms.
     */
    static Set<String> spellings(PhoneNumber phone, Set<ContactId> contacts) {
        Set<String> spellings = new LinkedHashSet<>();
        contacts.forEach(contact -> spellings.add(contact.toString()));
        String digits = phone.e164().substring(1);
        spellings.add(phone.e164());
        spellings.add(digits);
        spellings.add("00" + digits);
        try {
            var parsed = PHONES.parse(phone.e164(), null);
            String national = PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
            spellings.add(national.replaceAll("[\\s\\-.()]", ""));
            spellings.add(PHONES.getNationalSignificantNumber(parsed));
        } catch (NumberParseException e) {
            // an E.164 number always parses; the international forms above are kept regardless
        }
        return spellings;
    }
}
