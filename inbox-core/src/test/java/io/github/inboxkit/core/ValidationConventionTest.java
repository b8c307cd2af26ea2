package io.github.inboxkit.core;

import java.util.Random;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import io.github.inboxkit.core.sending.DispatcherRunner;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.core.retention.RetentionOptions;
import io.github.inboxkit.InboxKit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.compose.DraftValidator;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.media.MediaValidator;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.retention.RetentionPolicy;
import io.github.inboxkit.core.sending.RetryPolicy;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.core.sending.SendingOptions;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Builders and value types refuse a caller's value in one voice: an {@link InvalidValueException}
 * naming the setting ({@link MissingValueException} when it is missing or null), never an {@code
 * IllegalStateException}, {@code IllegalArgumentException} or {@code NullPointerException}.
 */
class ValidationConventionTest {

    private static InvalidValueException refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(InvalidValueException.class);
        return (InvalidValueException) thrown;
    }

    @Test
    @DisplayName("F26 a SendRequest built without its draft is refused with MissingValueException naming draft")
    void sendRequestWithoutDraft() {
        InvalidValueException refused = refusal(() -> SendRequest.builder().to(Recipient.number("+14155550123")).build());

        assertThat(refused).isInstanceOf(MissingValueException.class);
        assertThat(refused.field()).isEqualTo("draft");
        assertThat(((MissingValueException) refused).missing()).containsExactly("draft");
        assertThat(refused).hasMessage("draft must be set before build()");
    }

    @Test
    @DisplayName("a builder missing several settings names each of them")
    void severalMissingSettings() {
        MissingValueException refused = (MissingValueException) refusal(() -> SendRequest.builder().build());

        assertThat(refused.missing()).containsExactly("to", "draft");
        assertThat(refused.field()).isEqualTo("to");
        assertThat(refused).hasMessage("to must be set before build(), and so must draft");
    }

    @Test
    @DisplayName("null given to a generated builder, or inside a list, is refused with MissingValueException naming the setting")
    void nullToAGeneratedBuilder() {
        assertThat(refusal(() -> SendRequest.builder().draft(null)).field()).isEqualTo("draft");
        assertThat(refusal(() -> SendRequest.builder().draft(null))).isInstanceOf(MissingValueException.class)
                .hasMessage("draft must be given, not null");
        assertThat(refusal(() -> AccountSettings.builder().addOptOutKeywords((String) null)).field())
                .startsWith("optOutKeywords");
    }

    @Test
    @DisplayName("records refuse null and bad components with InvalidValueException naming the component")
    void records() {
        assertThat(refusal(() -> new ConversationId(null)).field()).isEqualTo("value");
        assertThat(refusal(() -> AccountId.of(null)).field()).isEqualTo("accountId");
        assertThat(refusal(() -> new RetentionPolicy(null, true, true)).field()).isEqualTo("window");
        assertThat(refusal(() -> RetentionPolicy.ofWindow(Duration.ofHours(1))).field()).isEqualTo("window");
        assertThat(refusal(() -> Recipient.number(null)).field()).isEqualTo("number");
    }

    @Test
    @DisplayName("F27 F31 value checks of generated types refuse with InvalidValueException naming the field")
    void valueChecks() {
        assertThat(refusal(() -> OutboxEntry.builder().from(sampleEntry()).status(MessageStatus.RECEIVED).build())
                .field()).isEqualTo("status");
        assertThat(refusal(() -> OutboxEntry.builder().from(sampleEntry()).attempts(-1).build()).field())
                .isEqualTo("attempts");
    }

    @Test
    @DisplayName("hand-written builders refuse a bad setting when it is given, naming it")
    void handWrittenBuilders() {
        assertThat(refusal(() -> RetryPolicy.builder().maxAttempts(0)).field()).isEqualTo("maxAttempts");
        assertThat(refusal(() -> RetryPolicy.builder().initialDelay(null)).field()).isEqualTo("initialDelay");
        assertThat(refusal(() -> RetryPolicy.builder().initialDelay(Duration.ofMinutes(1)).maxDelay(Duration.ofSeconds(1))
                .build()).field()).isEqualTo("maxDelay");
        assertThat(refusal(() -> DraftValidator.builder().maxSegments(0)).field()).isEqualTo("maxSegments");
        assertThat(refusal(() -> MediaValidator.builder().maxBytes(0)).field()).isEqualTo("maxBytes");
        assertThat(refusal(() -> InboxKit.builder().build()).field()).isEqualTo("store");
        assertThat(refusal(() -> InboxKit.builder().clock(null)).field()).isEqualTo("clock");
        SimulatedCarrier carrier = SimulatedCarrier.builder().seed(1).build();
        assertThat(refusal(() -> InboxKit.builder().carrier(carrier).build()).field()).isEqualTo("store");
        assertThat(refusal(() -> InboxKit.builder().carrier(carrier).carrier(carrier)).field()).isEqualTo("carrier");
        assertThat(refusal(() -> InboxKit.builder().store(InMemoryInboxStore.create()).carrier(carrier)
                .sendingOptions(sending -> sending.defaultCarrier("elsewhere")).build()).field())
                .isEqualTo("defaultCarrier");
        assertThat(refusal(() -> InboxKit.builder().retentionOptions(retention -> retention.purgeBatchSize(0))).field())
                .isEqualTo("purgeBatchSize");
    }

    @Test
    @DisplayName("public methods refuse a caller's value with InvalidValueException naming it, never IllegalArgumentException or NullPointerException")
    void publicMethodsRefuseInOneVoice() {
        SimulatedCarrier carrier = SimulatedCarrier.builder().seed(1).build();
        InboxKit kit = InboxKit.builder().store(InMemoryInboxStore.create()).carrier(carrier).build();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            Dispatcher dispatcher = kit.sending().dispatcher();
            assertThat(refusal(() -> DispatcherRunner.start(dispatcher, executor, Duration.ZERO)).field())
                    .isEqualTo("interval");
            assertThat(refusal(() -> DispatcherRunner.start(dispatcher, executor, Duration.ofSeconds(1), 0)).field())
                    .isEqualTo("concurrency");
            assertThat(refusal(() -> DispatcherRunner.start(null, executor, Duration.ofSeconds(1))).field())
                    .isEqualTo("dispatcher");
        } finally {
            executor.shutdownNow();
        }
        assertThat(refusal(() -> RetryPolicy.standard().delayAfterFailure(0, Optional.empty(), new Random(1))).field())
                .isEqualTo("failedAttempts");
        assertThat(refusal(() -> RetryPolicy.standard().delayAfterFailure(1, Optional.of(Duration.ofSeconds(-1)),
                new Random(1))).field()).isEqualTo("carrierRetryAfter");
        assertThat(refusal(() -> kit.sending().unmatchedReports(AccountId.of("acme"), 0)).field()).isEqualTo("limit");
        assertThat(refusal(() -> kit.retention().purgeExpired(null)).field()).isEqualTo("account");
        assertThat(refusal(() -> InboxKit.builder().sendingOptions(null)).field()).isEqualTo("options");
        assertThat(refusal(() -> InboxKit.builder().sendingOptions(sending -> sending.lease(Duration.ZERO))).field())
                .isEqualTo("lease");
        assertThat(refusal(() -> InboxKit.builder().sendingOptions(sending -> sending.defaultCarrier(null))).field())
                .isEqualTo("defaultCarrier");
        assertThat(refusal(() -> InboxKit.builder().retentionOptions(retention -> retention.retentionPolicies(null)))
                .field()).isEqualTo("retentionPolicies");
    }

    @Test
    @DisplayName("the engine's sending options offer only what takes effect: no store, carrier, clock, listener or team")
    void sendingOptionsHaveNoDeadSetters() {
        List<String> names = Arrays.stream(SendingOptions.class.getMethods()).map(Method::getName).toList();

        assertThat(names).doesNotContain("store", "carrier", "clock", "listener", "team", "build")
                .contains("retryPolicy", "lease", "dispatchBatchSize", "broadcastBatchSize", "defaultCarrier", "random");
        List<String> retention = Arrays.stream(RetentionOptions.class.getMethods()).map(Method::getName).toList();
        assertThat(retention).doesNotContain("store", "carrier", "clock", "listener", "team", "build")
                .contains("purgeBatchSize", "retentionPolicies");
    }

    @Test
    @DisplayName("F31 sending options given to the engine's builder take effect (one attempt in all: a transient refusal fails the message)")
    void sendingOptionsTakeEffect() {
        SimulatedCarrier refusing = SimulatedCarrier.builder().seed(3).transientFailureRate(1.0).build();
        InboxKit kit = InboxKit.builder().store(InMemoryInboxStore.create()).carrier(refusing)
                .sendingOptions(options -> options.retryPolicy(RetryPolicy.builder().maxAttempts(1).build()))
                .build();
        AccountId account = AccountId.of("options");
        kit.administration().createAccount(account, "Options", AccountSettings.builder().defaultRegion("US")
                .senderIds(List.of("+14155550100")).defaultSenderId("+14155550100").build());

        OutboxEntry sent = kit.sending().send(account, SendRequest.builder().to(Recipient.number("+14155550123"))
                .draft(Draft.ofText("Hello")).build());
        kit.sending().dispatcher().dispatchDue();

        assertThat(kit.sending().outboxEntry(account, sent.messageId()).orElseThrow().status())
                .isEqualTo(MessageStatus.FAILED);
        assertThat(refusal(() -> InboxKit.builder().store(InMemoryInboxStore.create()).carrier(refusing)
                .sendingOptions(options -> options.defaultCarrier("elsewhere")).build()).field())
                .isEqualTo("defaultCarrier");
    }

    @Test
    @DisplayName("no generated builder of inbox-core refuses with IllegalStateException or NullPointerException")
    void generatedBuildersUseTheProjectsVoice() {
        JavaClasses generated = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.inboxkit.core");

        noClasses().that().haveSimpleNameStartingWith("Immutable")
                .should().callConstructor(IllegalStateException.class, String.class)
                .orShould().callConstructor(NullPointerException.class, String.class)
                .orShould().callMethod(Objects.class, "requireNonNull", Object.class, String.class)
                .check(generated);
    }

    private static OutboxEntry sampleEntry() {
        Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
        return OutboxEntry.builder().messageId(MessageId.random()).conversationId(ConversationId.random())
                .recipient(new PhoneNumber("+33612345678")).status(MessageStatus.QUEUED).carrierId("simulator")
                .sender(Sender.longCode("+33700000001")).text("hello").segmentCount(1).encoding(TextEncoding.GSM_7)
                .attempts(0).dueAt(t0).createdAt(t0).updatedAt(t0).build();
    }
}
