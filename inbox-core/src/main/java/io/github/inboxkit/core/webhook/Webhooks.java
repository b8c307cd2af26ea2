package io.github.inboxkit.core.webhook;

import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.core.account.AccountId;
import java.util.Set;

/**
 * Use case: the webhook front door (F45). A host's HTTP endpoint hands each request a carrier
 * sent it to {@link #handle(String, WebhookRequest)}, with the id of the carrier its URL names
 * (e.g. {@code POST /webhooks/{carrierId}}), and answers with the outcome's {@link
 * WebhookOutcome#httpStatus() status} and {@link WebhookOutcome#responseBody() body}:
 *
 * <pre>{@code
 * WebhookOutcome outcome = kit.webhooks().handle(carrierId, new WebhookRequest(method, headers, body));
 * response.status(outcome.httpStatus()).body(outcome.responseBody());
 * }</pre>
 *
 * <h2>What one call does</h2>
 * <ol>
 *   <li>Finds the carrier among those the engine was built with, by its {@link
 *       io.github.inboxkit.carrier.Carrier#id() id}; several carriers are served side by side,
 *       each under its own id. Unknown id: {@link WebhookOutcome.Refusal#UNKNOWN_CARRIER}.
 *   <li>Lets the carrier verify the request's signature and parse it, wholly or not at all. A
 *       refusal (missing, repeated or wrong signature, replay, malformed body) stores nothing.
 *   <li>Routes each inbound message to the account that owns the number it was sent to, and each
 *       delivery report to the account that owns the number its message was sent from (the
 *       accounts' sender IDs and pools, see {@link
 *       io.github.inboxkit.core.account.Administration#updateSettings}); a message to a number no
 *       account owns is refused and logged with the number masked, and nothing of it is stored.
 *   <li>Ingests each inbound message (idempotent by the carrier's id and message id, F32) and
 *       applies each delivery report (F31), each in its own transaction, under the carrier's id:
 *       the same id the carrier's outbound messages are recorded with, so that reports match them.
 * </ol>
 *
 * <h2>A request that carries several items</h2>
 * Items are stored in the carrier's order, each in its own transaction, and an item stored stays
 * stored. If the store fails on an item, the call stops there and answers {@link
 * WebhookOutcome.RetryLater}: the carrier sends the whole request again, the items already stored
 * are recognised as repeats and change nothing, and the rest is stored then; nothing is lost and
 * nothing is stored twice. An item refused for good (its number unknown, its content unreadable) is
 * listed in {@link WebhookOutcome.Processed#refusedItems()} while the others are stored; only when
 * every item is refused is the request answered {@link WebhookOutcome.Refused} (4xx), since
 * sending it again cannot help.
 *
 * <p>Thread-safe: called concurrently from the host's HTTP threads.
 */
public interface Webhooks {

    /**
     * Handles a webhook request, routing each item by number to its account.
     *
     * @param carrierId the id of the carrier that sent the request, as the host's URL names it
     * @param request the request as the host's HTTP server received it
     * @return what to answer the carrier; never throws for anything the request or the store did
     */
    WebhookOutcome handle(String carrierId, WebhookRequest request);

    /**
     * Handles a webhook request sent to a URL that names the account, for carriers whose delivery
     * reports do not say which number the message was sent from. Inbound messages must still be
     * sent to a number of that account, else they are refused as {@link
     * WebhookOutcome.Refusal#UNKNOWN_NUMBER}; delivery reports are applied in that account.
     *
     * @param carrierId the id of the carrier that sent the request
     * @param account the account the URL names
     * @param request the request as the host's HTTP server received it
     * @return what to answer the carrier
     */
    WebhookOutcome handle(String carrierId, AccountId account, WebhookRequest request);

    /**
     * The ids of the carriers whose webhooks this front door handles: those the engine was built with.
     *
     * @return the ids, in registration order
     */
    Set<String> carrierIds();
}
