package io.github.inboxkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import io.github.inboxkit.core.webhook.WebhookOutcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The front door's own rules: what it logs, and how carriers write the numbers it routes by. */
class WebhookServiceTest {

    @RegisterExtension
    final CapturedLogs captured = new CapturedLogs();
    private final SimulatedCarrier carrier = SimulatedCarrier.create();
    private final InboxKit kit = InboxKit.builder().store(InMemoryInboxStore.create()).carrier(carrier).build();

    @Test
    @DisplayName("F45 a message to a number no account owns is logged at WARN with the number masked, and neither the contact nor the text")
    void unknownNumberLoggedMasked() {
        WebhookOutcome outcome = kit.webhooks().handle("simulator",
                carrier.inboundWebhook("+33612345678", "+33700006789", "my secret"));

        assertThat(outcome.httpStatus()).isEqualTo(422);
        assertThat(captured.list()).filteredOn(event -> event.getLevel() == Level.WARN).singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage())
                        .contains("+33•••••6789", "UNKNOWN_NUMBER", "SIM-IN-1")
                        .doesNotContain("+33700006789", "612345678", "secret"));
    }

    @Test
    @DisplayName("F45 forged and unreadable requests are logged with the reason only, never the body")
    void refusalsLoggedWithoutTheBody() {
        kit.administration().createAccount(AccountId.of("acme"), "Acme", AccountSettings.builder().defaultRegion("FR")
                .senderIds(List.of("+33700006789")).build());
        byte[] body = carrier.inboundWebhook("+33612345678", "+33700006789", "my confidential plans").body();
        kit.webhooks().handle("simulator", carrier.signedRequest(body).withBody(body.clone()).withHeader(
                SimulatedCarrier.SIGNATURE_HEADER, "sha256=" + "0".repeat(64)));
        kit.webhooks().handle("sim ulator\n+33612345678", carrier.signedRequest(body));

        assertThat(captured.list()).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .hasSize(2)
                .allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain("612345678", "confidential"));
    }

    @Test
    @DisplayName("F45 carriers' ways of writing a receiving number all find its owner: E.164, without +, formatted, short code, alphanumeric")
    void addressForms() {
        assertThat(ReceivingNumbers.ofAddress("+33700006789")).contains("+33700006789");
        assertThat(ReceivingNumbers.ofAddress("33700006789")).contains("+33700006789");
        assertThat(ReceivingNumbers.ofAddress(" +1 (415) 555-0100 ")).contains("+14155550100");
        assertThat(ReceivingNumbers.ofAddress("36111")).contains("36111");
        assertThat(ReceivingNumbers.ofAddress("Acme")).contains("ACME");
        assertThat(ReceivingNumbers.ofAddress("")).isEmpty();
        assertThat(ReceivingNumbers.ofAddress("#*!")).isEmpty();
        assertThat(ReceivingNumbers.ofAddress("1".repeat(40))).isEmpty();
        assertThat(ReceivingNumbers.masked("+33700006789")).isEqualTo("+33•••••6789");
        assertThat(ReceivingNumbers.masked("36111")).isEqualTo("3••••");
    }

    @Test
    @DisplayName("F45 an empty webhook (a carrier's ping) is answered 200 and stores nothing")
    void emptyWebhook() {
        WebhookOutcome outcome = kit.webhooks().handle("simulator", carrier.webhookFor(new WebhookPayload(List.of(), List.of())));

        assertThat(outcome).isEqualTo(new WebhookOutcome.Processed(0, 0, 0, 0, 0, List.of()));
        assertThat(outcome.responseBody()).startsWith("OK: 0 message(s) stored");
    }

    @Test
    @DisplayName("F45 a message the engine cannot store (a carrier message id too long) is refused as INVALID_ITEM, 422")
    void invalidItem() {
        kit.administration().createAccount(AccountId.of("acme"), "Acme", AccountSettings.builder().defaultRegion("FR")
                .senderIds(List.of("+33700006780")).build());
        InboundMessage tooLong = new InboundMessage("x".repeat(199), "+33612345678", "+33700006780", "hi", List.of(),
                Instant.parse("2026-12-01T10:00:00Z"));

        WebhookOutcome outcome = kit.webhooks().handle("simulator", carrier.webhookFor(WebhookPayload.ofInbound(List.of(tooLong))));

        assertThat(outcome).isInstanceOfSatisfying(WebhookOutcome.Refused.class, refused -> {
            assertThat(refused.refusal()).isEqualTo(WebhookOutcome.Refusal.INVALID_ITEM);
            assertThat(refused.detail()).isEqualTo("InvalidValueException");
        });
        assertThat(outcome.httpStatus()).isEqualTo(422);
    }
}
