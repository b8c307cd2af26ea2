package io.github.inboxkit.core.webhook;

import java.util.List;
import java.util.Objects;

/**
 * What the webhook front door did with a request, and what to answer the carrier: exactly one of
 * {@link Processed} (2xx: done, repeats included), {@link Refused} (4xx: refused for good, sending
 * it again cannot help) or {@link RetryLater} (5xx: nothing is wrong with the request, send it
 * again later). Callers {@code switch} on it, or just answer {@link #httpStatus()} with {@link
 * #responseBody()}.
 *
 * <p>Neither the body nor any detail holds personal data (no phone number in clear, no message
 * text), so both may be logged and sent back. A carrier that expects a particular body on success
 * (Twilio reads TwiML from an inbound message's answer) may be answered with its own instead.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface WebhookOutcome permits WebhookOutcome.Processed, WebhookOutcome.Refused,
        WebhookOutcome.RetryLater {

    /**
     * The HTTP status to answer.
     *
     * @return 200, a 4xx status or a 5xx status
     */
    int httpStatus();

    /**
     * A one-line plain-text body to answer, naming what was done or refused.
     *
     * @return the body, never blank
     */
    String responseBody();

    /** Why a request, or one item of it, was refused for good; each with its HTTP status. */
    enum Refusal {
        /** The URL names a carrier the engine was not built with: 404. */
        UNKNOWN_CARRIER(404),
        /** The request carries no signature: 401. */
        SIGNATURE_MISSING(401),
        /** The signature does not match, or is given more than once: forged or tampered, 401. */
        SIGNATURE_INVALID(401),
        /** The signed time is outside the carrier's tolerance: a replay or a skewed clock, 401. */
        STALE(401),
        /** The method, content type or body is not what the carrier sends: 400. */
        MALFORMED(400),
        /** No account owns the number a message was sent to (or a report's message sent from): 422. */
        UNKNOWN_NUMBER(422),
        /** A delivery report that names no sender number, sent to a URL that names no account: 422. */
        NO_SENDER_NUMBER(422),
        /** An item the engine cannot store, such as an unreadable contact number: 422. */
        INVALID_ITEM(422);

        private final int httpStatus;

        Refusal(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** @return the HTTP status a request refused for this reason is answered with */
        public int httpStatus() {
            return httpStatus;
        }
    }

    /** The kinds of item a webhook request carries. */
    enum ItemKind {
        /** A message a contact sent. */
        INBOUND_MESSAGE,
        /** A carrier's report on a message the engine sent. */
        DELIVERY_REPORT
    }

    /**
     * One item of a request that was refused for good while the request was otherwise handled.
     *
     * @param kind what the item is
     * @param index its position among the request's items of that kind, from 0
     * @param carrierMessageId the carrier's id of the message it is or reports on
     * @param refusal why it was refused
     * @param detail what an operator can act on, without personal data
     */
    record RefusedItem(ItemKind kind, int index, String carrierMessageId, Refusal refusal, String detail) {

        /**
         * Validates.
         *
         * @param kind the {@code kind} component
         * @param index the {@code index} component
         * @param carrierMessageId the {@code carrierMessageId} component
         * @param refusal the {@code refusal} component
         * @param detail the {@code detail} component
         * @throws NullPointerException if an argument is null
         */
        public RefusedItem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(carrierMessageId, "carrierMessageId");
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The request was verified and every item it carries was stored, recognised as a repeat, or
     * refused for good: answer 200, so that the carrier does not send it again.
     *
     * @param messagesStored inbound messages stored now (one from a blocked number counts here: it was
     *     counted in the blocked log, F38)
     * @param repeatedMessages inbound messages stored by an earlier delivery of the same webhook
     * @param reportsApplied delivery reports that moved a message's status
     * @param reportsUnchanged delivery reports that changed nothing (repeats, late reports)
     * @param reportsKept delivery reports that matched no message yet, kept to be applied later
     * @param refusedItems the items refused for good, while the others were stored
     */
    record Processed(int messagesStored, int repeatedMessages, int reportsApplied, int reportsUnchanged,
            int reportsKept, List<RefusedItem> refusedItems) implements WebhookOutcome {

        /**
         * Copies the list.
         *
         * @param messagesStored the {@code messagesStored} component
         * @param repeatedMessages the {@code repeatedMessages} component
         * @param reportsApplied the {@code reportsApplied} component
         * @param reportsUnchanged the {@code reportsUnchanged} component
         * @param reportsKept the {@code reportsKept} component
         * @param refusedItems the {@code refusedItems} component
         */
        public Processed {
            refusedItems = List.copyOf(refusedItems);
        }

        /** @return 200 */
        @Override
        public int httpStatus() {
            return 200;
        }

        @Override
        public String responseBody() {
            return "OK: " + messagesStored + " message(s) stored, " + repeatedMessages + " repeated; "
                    + reportsApplied + " report(s) applied, " + reportsUnchanged + " unchanged, " + reportsKept
                    + " kept" + (refusedItems.isEmpty() ? "" : "; " + refusedItems.size() + " item(s) refused");
        }
    }

    /**
     * The request was refused for good and nothing of it was stored: answer the refusal's 4xx
     * status. A carrier does not send it again.
     *
     * @param refusal why; the first item's refusal when every item was refused
     * @param detail what an operator can act on, without personal data
     * @param refusedItems when the request was refused because each of its items was, those items;
     *     else empty
     */
    record Refused(Refusal refusal, String detail, List<RefusedItem> refusedItems) implements WebhookOutcome {

        /**
         * Validates and copies.
         *
         * @param refusal the {@code refusal} component
         * @param detail the {@code detail} component
         * @param refusedItems the {@code refusedItems} component
         * @throws NullPointerException if an argument is null
         */
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(detail, "detail");
            refusedItems = List.copyOf(refusedItems);
        }

        /** @return the refusal's status: 400, 401, 404 or 422 */
        @Override
        public int httpStatus() {
            return refusal.httpStatus();
        }

        @Override
        public String responseBody() {
            return "Refused (" + refusal + "): " + detail;
        }
    }

    /**
     * The request could not be handled now; nothing is wrong with it. Items stored before the
     * failure stay stored and are recognised as repeats when the carrier sends the request again.
     *
     * @param cause what failed
     * @param detail what an operator can act on, without personal data
     */
    record RetryLater(Cause cause, String detail) implements WebhookOutcome {

        /** What kept a request from being handled. */
        public enum Cause {
            /** The store failed (database unreachable, connection lost, conflicts that did not resolve): 503. */
            STORE_UNAVAILABLE,
            /** An unexpected failure in a carrier's parser or the engine, logged: 500. */
            UNEXPECTED_FAILURE
        }

        /**
         * Validates.
         *
         * @param cause the {@code cause} component
         * @param detail the {@code detail} component
         * @throws NullPointerException if an argument is null
         */
        public RetryLater {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
        }

        /** @return 503 when the store failed, 500 for an unexpected failure */
        @Override
        public int httpStatus() {
            return cause == Cause.STORE_UNAVAILABLE ? 503 : 500;
        }

        @Override
        public String responseBody() {
            return "Retry later: " + detail;
        }
    }
}
