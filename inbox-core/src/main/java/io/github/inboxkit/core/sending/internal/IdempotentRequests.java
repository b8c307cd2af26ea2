package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.compose.Attachment;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.BroadcastRequest;
import io.github.inboxkit.core.sending.IdempotencyKey;
import io.github.inboxkit.core.sending.IdempotencyKeyReusedException;
import io.github.inboxkit.core.sending.IdempotencyRecord;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.ScheduledTime;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.store.StoreTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Host idempotency keys (F46): the fingerprint of a request, and the look-up a keyed use case makes
 * first in its transaction. What makes a key hold is not the look-up but the store's unique key on
 * (account, key), written in the transaction that queues the request's messages: of two
 * transactions that miss the look-up at the same moment, on one node or two, one commits and the
 * other fails on the unique key, is run again by the unit of work, and finds the first one's record.
 *
 * <p>Thread-safe: immutable.
 */
final class IdempotentRequests {

    private final Duration window;

    /**
     * @param window how long a complete request's key holds
     */
    IdempotentRequests(Duration window) {
        this.window = window;
    }

    /**
     * The record of a key's first use, if the key still holds for this very request.
     *
     * @param tx the use case's transaction; the record is locked in it
     * @param key the key
     * @param requestHash the fingerprint of this request
     * @param now the current time
     * @return the record; empty if the key is new, or past its window (its record is then deleted,
     *     so that the caller's insert uses the key afresh)
     * @throws IdempotencyKeyReusedException if the key holds for a different request
     */
    Optional<IdempotencyRecord> first(StoreTransaction tx, IdempotencyKey key, String requestHash, Instant now) {
        Optional<IdempotencyRecord> found = tx.idempotency().lockIdempotencyRecord(key);
        if (found.isEmpty()) {
            return found;
        }
        IdempotencyRecord record = found.get();
        if (!record.holdsAt(now)) {
            tx.idempotency().deleteIdempotencyRecord(key);
            return Optional.empty();
        }
        if (!record.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReusedException(key, record.createdAt());
        }
        return found;
    }

    /** The record of a send or schedule that queued {@code message}. */
    IdempotencyRecord forMessage(IdempotencyKey key, String requestHash, MessageId message, Instant now) {
        return start(key, requestHash, now).messageId(message).recipientsTotal(1).recipientsDone(1)
                .recipientsQueued(1).build();
    }

    /** The record of a broadcast just created, none of its {@code recipients} checked yet. */
    IdempotencyRecord forBroadcast(IdempotencyKey key, String requestHash, BroadcastId broadcast, int recipients,
            Instant now) {
        return start(key, requestHash, now).broadcastId(broadcast).recipientsTotal(recipients).recipientsDone(0)
                .recipientsQueued(0).build();
    }

    private io.github.inboxkit.core.sending.ImmutableIdempotencyRecord.Builder start(IdempotencyKey key,
            String requestHash, Instant now) {
        return IdempotencyRecord.builder().key(key).requestHash(requestHash).createdAt(now).expiresAt(now.plus(window));
    }

    /**
     * The fingerprint of a send ({@code when} empty) or a schedule: every argument as given.
     *
     * @param request the request
     * @param when the schedule's time, or empty for a send now
     * @return 64 hex digits
     */
    static String fingerprint(SendRequest request, Optional<ScheduledTime> when) {
        Fingerprint print = new Fingerprint(when.isPresent() ? "schedule" : "send");
        print.recipient(request.to());
        print.draft(request.draft());
        print.text(request.senderId());
        print.text(request.numberPool());
        print.text(request.carrierId());
        print.text(request.author().map(UserId::value));
        print.text(when.map(time -> time.instant() + " " + time.zone().getId()));
        // only a category other than the default, so that keys taken before categories existed still match
        if (request.category() != MessageCategory.CONVERSATIONAL) {
            print.text(Optional.of(request.category().name()));
        }
        return print.hex();
    }

    /**
     * The fingerprint of a broadcast: every argument as given, recipients in order.
     *
     * @param request the request
     * @return 64 hex digits
     */
    static String fingerprint(BroadcastRequest request) {
        Fingerprint print = new Fingerprint("broadcast");
        print.text(Optional.of(request.name()));
        print.count(request.recipients().size());
        request.recipients().forEach(print::recipient);
        print.draft(request.draft());
        print.text(request.senderId());
        print.text(request.numberPool());
        print.text(request.carrierId());
        print.text(request.author().map(UserId::value));
        if (request.category() != MessageCategory.MARKETING) {
            print.text(Optional.of(request.category().name()));
        }
        return print.hex();
    }

    /** A SHA-256 over length-prefixed fields, so that no two different requests feed it the same bytes. */
    private static final class Fingerprint {
        private final MessageDigest digest;

        Fingerprint(String operation) {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
            text(Optional.of(operation));
        }

        void count(int count) {
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(count).array());
        }

        void bytes(byte[] bytes) {
            count(bytes.length);
            digest.update(bytes);
        }

        void text(Optional<String> text) {
            if (text.isEmpty()) {
                count(-1);
            } else {
                bytes(text.get().getBytes(StandardCharsets.UTF_16BE));
            }
        }

        void recipient(Recipient recipient) {
            if (recipient instanceof Recipient.OfContact contact) {
                text(Optional.of("contact " + contact.id().value()));
            } else {
                text(Optional.of("number " + ((Recipient.OfNumber) recipient).number()));
            }
        }

        void draft(Draft draft) {
            text(draft.text());
            Optional<Attachment> attachment = draft.attachment();
            text(attachment.map(Attachment::declaredContentType));
            if (attachment.isPresent()) {
                bytes(attachment.get().content());
            }
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
