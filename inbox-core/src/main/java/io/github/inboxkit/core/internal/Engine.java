package io.github.inboxkit.core.internal;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.core.account.Administration;
import io.github.inboxkit.core.account.Entitlements;
import io.github.inboxkit.core.contact.Contacts;
import io.github.inboxkit.core.conversation.Conversations;
import io.github.inboxkit.core.conversation.Ingestion;
import io.github.inboxkit.core.conversation.Team;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.inbox.Inbox;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.core.store.InboxPageReader;
import io.github.inboxkit.core.snooze.Snoozes;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.webhook.Webhooks;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Wires the use cases on the ports; the public front door {@code InboxKit} delegates to it.
 * Thread-safe once built.
 */
public final class Engine {

    private final Inbox inbox;
    private final Conversations conversations;
    private final Ingestion ingestion;
    private final Team team;
    private final Contacts contacts;
    private final Administration administration;
    private final Snoozes snoozes;
    private final UnitOfWork unitOfWork;

    /**
     * Wires the engine.
     *
     * @param store the store
     * @param clock the clock
     * @param listener the event listener
     * @param entitlements the plan entitlements
     * @param typingTimeout how long a user counts as typing after a keystroke
     * @param maxInboundTextLength the most UTF-16 code units of inbound text kept; longer text is cut
     */
    public Engine(InboxStore store, Clock clock, InboxEventListener listener, Entitlements entitlements,
            Duration typingTimeout, int maxInboundTextLength) {
        this.unitOfWork = new UnitOfWork(store, clock, listener);
        TypingPresence presence = new TypingPresence(clock, typingTimeout);
        // the inbox page read model, where the store has one (pages in one read)
        this.inbox = new InboxService(unitOfWork, store instanceof InboxPageReader reader ? reader : null);
        this.conversations = new ConversationService(unitOfWork, presence);
        this.ingestion = new IngestionService(unitOfWork, maxInboundTextLength);
        this.team = new TeamService(unitOfWork, entitlements, presence);
        this.contacts = new ContactService(unitOfWork);
        this.administration = new AdministrationService(unitOfWork);
        this.snoozes = new SnoozeService(unitOfWork);
    }

    /**
     * Builds the webhook front door on this engine's ingestion and a sending pipeline (F45).
     *
     * @param store the store, which keeps the outbox and the receiving numbers
     * @param carriers the carriers whose webhooks it handles, by their ids
     * @param sending the sending use cases, which apply delivery reports
     * @return the front door
     */
    public Webhooks webhooks(InboxStore store, List<Carrier> carriers, Sending sending) {
        return new WebhookService(store, carriers, ingestion, sending);
    }

    /**
     * The unit of work every use case of this engine runs through; the sending and retention
     * machinery is wired on it too.
     *
     * @return the engine's unit of work
     */
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** @return the snooze use cases and the waker (F37) */
    public Snoozes snoozes() {
        return snoozes;
    }

    /** @return the inbox use cases */
    public Inbox inbox() {
        return inbox;
    }

    /** @return the conversation use cases */
    public Conversations conversations() {
        return conversations;
    }

    /** @return the ingestion use case */
    public Ingestion ingestion() {
        return ingestion;
    }

    /** @return the team use cases */
    public Team team() {
        return team;
    }

    /** @return the contact use cases */
    public Contacts contacts() {
        return contacts;
    }

    /** @return the administration use cases */
    public Administration administration() {
        return administration;
    }
}
