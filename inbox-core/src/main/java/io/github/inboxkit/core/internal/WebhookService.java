package io.github.inboxkit.core.internal;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.blocking.InboundBlockedException;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.Ingestion;
import io.github.inboxkit.core.sending.DeliveryReportOutcome;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.StoreException;
import io.github.inboxkit.core.webhook.WebhookOutcome;
import io.github.inboxkit.core.webhook.WebhookOutcome.ItemKind;
import io.github.inboxkit.core.webhook.WebhookOutcome.Refusal;
import io.github.inboxkit.core.webhook.WebhookOutcome.RefusedItem;
import io.github.inboxkit.core.webhook.WebhookOutcome.RetryLater;
import io.github.inboxkit.core.webhook.Webhooks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook front door: carrier parser → routing by number → ingestion or delivery report, one
 * transaction per item. The behaviour, partial batches included, is specified on {@link Webhooks}.
 *
 * <p>Thread-safe: holds only immutable wiring.
 */
final class WebhookService implements Webhooks {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);
    /** Carrier ids echoed in answers and logs; anything else in a URL is not repeated. */
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final InboxStore store;
    private final Map<String, Carrier> carriers;
    private final Ingestion ingestion;
    private final Sending sending;

    WebhookService(InboxStore store, List<Carrier> carriers, Ingestion ingestion, Sending sending) {
        this.store = store;
        Map<String, Carrier> byId = new LinkedHashMap<>();
        carriers.forEach(carrier -> byId.put(carrier.id(), carrier));
        this.carriers = java.util.Collections.unmodifiableMap(byId);
        this.ingestion = ingestion;
        this.sending = sending;
    }

    @Override
    public WebhookOutcome handle(String carrierId, WebhookRequest request) {
        return handle(carrierId, Optional.empty(), request);
    }

    @Override
    public WebhookOutcome handle(String carrierId, AccountId account, WebhookRequest request) {
        return handle(carrierId, Optional.of(Objects.requireNonNull(account, "account")), request);
    }

    @Override
    public Set<String> carrierIds() {
        return carriers.keySet();
    }

    private WebhookOutcome handle(String carrierId, Optional<AccountId> namedAccount, WebhookRequest request) {
        Objects.requireNonNull(carrierId, "carrierId");
        Objects.requireNonNull(request, "request");
        Carrier carrier = carriers.get(carrierId);
        if (carrier == null) {
            String shown = PLAIN_ID.matcher(carrierId).matches() ? "'" + carrierId + "'" : "given";
            LOG.info("Refused a webhook for carrier id {}: the engine has no such carrier", shown);
            return new WebhookOutcome.Refused(Refusal.UNKNOWN_CARRIER, "no carrier with the id " + shown
                    + " is configured; configured: " + carriers.keySet(), List.of());
        }
        WebhookPayload payload;
        try {
            payload = carrier.parseWebhook(request);
        } catch (WebhookRejectedException rejected) {
            // an operator should know about forged or replayed webhooks: the reason, never the body
            LOG.warn("Refused a {} webhook: {} ({})", carrierId, rejected.reason(), rejected.getMessage());
            return new WebhookOutcome.Refused(refusal(rejected.reason()), rejected.getMessage(), List.of());
        } catch (RuntimeException failure) {
            return unexpected(carrierId, "the carrier's webhook parser", failure);
        }
        Batch batch = new Batch(carrierId, namedAccount);
        try {
            List<InboundMessage> messages = payload.inboundMessages();
            for (int index = 0; index < messages.size(); index++) {
                batch.receive(index, messages.get(index));
            }
            List<DeliveryReport> reports = payload.deliveryReports();
            for (int index = 0; index < reports.size(); index++) {
                batch.apply(index, reports.get(index));
            }
        } catch (StoreException failure) {
            // The items before this one are committed and will be repeats when the carrier sends the
            // request again; stopping here spares a database that is down one wait per item.
            LOG.warn("A {} webhook could not be stored ({}); answering 503 so that the carrier sends it again",
                    carrierId, failure.getClass().getSimpleName());
            LOG.debug("Store failure while handling a webhook", failure);
            return new RetryLater(RetryLater.Cause.STORE_UNAVAILABLE,
                    "the store is unavailable; what was stored is kept and recognised when this is sent again");
        } catch (RuntimeException failure) {
            return unexpected(carrierId, "the engine", failure);
        }
        return batch.outcome();
    }

    private static WebhookOutcome unexpected(String carrierId, String where, RuntimeException failure) {
        // the exception's class only: a message may quote the request
        LOG.warn("A {} webhook failed in {} with {}; answering 500 so that the carrier sends it again",
                carrierId, where, failure.getClass().getName());
        LOG.debug("Unexpected failure while handling a webhook", failure);
        return new RetryLater(RetryLater.Cause.UNEXPECTED_FAILURE, "an unexpected failure in " + where + ", logged");
    }

    private static Refusal refusal(WebhookRejectedException.Reason reason) {
        return switch (reason) {
            case SIGNATURE_MISSING -> Refusal.SIGNATURE_MISSING;
            case SIGNATURE_INVALID -> Refusal.SIGNATURE_INVALID;
            case STALE -> Refusal.STALE;
            case MALFORMED -> Refusal.MALFORMED;
        };
    }

    /** One request's items as they are handled, and the tally the outcome reports. */
    private final class Batch {
        private final String carrierId;
        private final Optional<AccountId> namedAccount;
        private final List<RefusedItem> refused = new ArrayList<>();
        private int stored;
        private int repeated;
        private int applied;
        private int unchanged;
        private int kept;

        Batch(String carrierId, Optional<AccountId> namedAccount) {
            this.carrierId = carrierId;
            this.namedAccount = namedAccount;
        }

        void receive(int index, InboundMessage message) {
            Optional<AccountId> owner = owner(message.to());
            if (owner.isEmpty()) {
                refuse(ItemKind.INBOUND_MESSAGE, index, message.carrierMessageId(), Refusal.UNKNOWN_NUMBER,
                        unknownNumber(message.to()));
                return;
            }
            try {
                // the carrier's own id keys the message, as it keys the carrier's outbound messages
                boolean repeat = ingestion.receive(owner.get(), IncomingMessage.of(carrierId, message)).duplicate();
                if (repeat) {
                    repeated++;
                } else {
                    stored++;
                }
            } catch (InboundBlockedException blocked) {
                // handled: counted in the blocked log (F38); the carrier must not send it again
                if (blocked.repeat()) {
                    repeated++;
                } else {
                    stored++;
                }
            } catch (StoreException failure) {
                throw failure;
            } catch (InboxException invalid) {
                refuse(ItemKind.INBOUND_MESSAGE, index, message.carrierMessageId(), Refusal.INVALID_ITEM,
                        invalid.getClass().getSimpleName());
            }
        }

        void apply(int index, DeliveryReport report) {
            Optional<AccountId> account;
            if (namedAccount.isPresent()) {
                account = namedAccount;
            } else if (report.senderNumber().isEmpty()) {
                refuse(ItemKind.DELIVERY_REPORT, index, report.carrierMessageId(), Refusal.NO_SENDER_NUMBER,
                        "the report names no sender number; give this carrier a webhook URL that names the account");
                return;
            } else {
                account = owner(report.sender());
                if (account.isEmpty()) {
                    refuse(ItemKind.DELIVERY_REPORT, index, report.carrierMessageId(), Refusal.UNKNOWN_NUMBER,
                            unknownNumber(report.sender()));
                    return;
                }
            }
            try {
                DeliveryReportOutcome outcome = sending.applyDeliveryReport(account.get(), carrierId, report);
                switch (outcome) {
                    case APPLIED -> applied++;
                    case NO_CHANGE -> unchanged++;
                    case UNMATCHED -> kept++;
                }
            } catch (StoreException failure) {
                throw failure;
            } catch (InboxException invalid) {
                refuse(ItemKind.DELIVERY_REPORT, index, report.carrierMessageId(), Refusal.INVALID_ITEM,
                        invalid.getClass().getSimpleName());
            }
        }

        /** The account that owns a number and, on a URL naming an account, only that one. */
        private Optional<AccountId> owner(String address) {
            Optional<AccountId> owner = ReceivingNumbers.ofAddress(address).flatMap(store::accountOwningNumber);
            return namedAccount.isPresent() && !namedAccount.equals(owner) ? Optional.empty() : owner;
        }

        private String unknownNumber(String address) {
            String masked = ReceivingNumbers.masked(ReceivingNumbers.ofAddress(address).orElse(address.strip() + " "));
            return namedAccount.map(account -> "number " + masked + " is not a number of account " + account)
                    .orElse("no account owns number " + masked);
        }

        private void refuse(ItemKind kind, int index, String carrierMessageId, Refusal refusal, String detail) {
            // WARN: an operator should fix the routing; nothing of the item was stored
            LOG.warn("Refused {} {} of a {} webhook (carrier message id {}): {}: {}", kind, index, carrierId,
                    carrierMessageId, refusal, detail);
            refused.add(new RefusedItem(kind, index, carrierMessageId, refusal, detail));
        }

        WebhookOutcome outcome() {
            boolean nothingHandled = stored + repeated + applied + unchanged + kept == 0;
            if (!refused.isEmpty() && nothingHandled) {
                RefusedItem first = refused.get(0);
                String detail = refused.size() == 1 ? first.detail()
                        : "each of the " + refused.size() + " items was refused; the first: " + first.detail();
                return new WebhookOutcome.Refused(first.refusal(), detail, refused);
            }
            return new WebhookOutcome.Processed(stored, repeated, applied, unchanged, kept, refused);
        }
    }
}
