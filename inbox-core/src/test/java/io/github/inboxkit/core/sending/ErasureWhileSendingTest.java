package io.github.inboxkit.core.sending;

import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static io.github.inboxkit.core.sending.SendingFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.erasure.ErasureActor;
import io.github.inboxkit.core.erasure.ErasureRequest;
import io.github.inboxkit.core.erasure.ErasureResult;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.StoreTransaction;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Erasure (F40) of a number whose message a dispatcher is handing to a carrier at that moment. */
class ErasureWhileSendingTest {

    @Test
    @DisplayName("F40 F18 a send erased while at the carrier is counted in flight, and the carrier's opt-out refusal does not write the number back")
    void carrierAnswerAfterErasureWritesNothing() {
        AtomicReference<InboxKit> engine = new AtomicReference<>();
        AtomicReference<ErasureResult> erased = new AtomicReference<>();
        PhoneNumber bob = new PhoneNumber(BOB);
        SendingFixture fixture = new SendingFixture(b -> b,
                SimulatedCarrier.builder().seed(1).permanentFailure(BOB, PermanentReason.OPTED_OUT),
                delegate -> new DispatcherTest.FaultyCarrier(delegate) {
                    @Override
                    public SubmitResult submit(OutboundSubmission submission) {
                        // the erasure commits while the carrier holds the message
                        erased.set(engine.get().erasure().erase(ACCOUNT,
                                ErasureRequest.number(bob, ErasureActor.user(UserId.of("dpo")))));
                        return delegate.submit(submission);
                    }
                });
        engine.set(fixture.kit);
        OutboxEntry queued = fixture.send(BOB, "Hello");

        fixture.sending.dispatcher().dispatchDue();

        assertThat(erased.get().record().counts().inFlightSends()).isEqualTo(1);
        assertThat(fixture.read((StoreTransaction tx) -> tx.outbox().findOutboxEntry(queued.messageId()))).isEmpty();
        assertThat(fixture.read((StoreTransaction tx) -> tx.consent().optOutHistory(bob))).isEmpty();
        assertThat(fixture.kit.conversations().findByPhone(ACCOUNT, BOB)).isEmpty();
    }
}
