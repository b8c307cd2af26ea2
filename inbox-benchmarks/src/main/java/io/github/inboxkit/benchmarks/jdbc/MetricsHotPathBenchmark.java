package io.github.inboxkit.benchmarks.jdbc;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.micrometer.InboxKitMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the metrics add to each call on the hot paths, in nanoseconds, beside the same call without
 * them in the same run: a carrier's submit (a carrier that answers at once, so that only the
 * wrapper is measured), an event handed to the listener, and a dispatcher step (a dispatcher that
 * returns at once). A dispatched message costs one submit, two status events and a share of a
 * step; an ingested one an event and a webhook outcome. The end-to-end comparison on PostgreSQL is
 * {@link MetricsOverheadBenchmark}; this one stays readable on a loaded machine, where that one's
 * noise is larger than the metrics' cost.
 *
 * <pre>
 * mvn -B -q -o -pl inbox-benchmarks -am package -DskipTests -Pbenchmark \
 *     -Djmh.args="MetricsHotPathBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricsHotPathBenchmark {

    private static final SubmitResult ACCEPTED = SubmitResult.accepted("SM-1", 1);
    private static final DispatchSummary SUMMARY = new DispatchSummary(0, 100, 98, 1, 1, 0, 0);

    private final OutboundSubmission submission = OutboundSubmission.sms("key", Sender.longCode("+14155550100"),
            "+14155550132", "Black Friday: 20% off today", 1, TextEncoding.GSM_7);
    private final InboxEvent event = new InboxEvent.MessageStatusChanged(AccountId.of("acme"), ConversationId.random(),
            MessageId.random(), MessageStatus.SENT, Instant.parse("2026-12-03T09:00:00Z"));

    private Carrier plainCarrier;
    private Carrier meteredCarrier;
    private InboxEventListener plainListener;
    private InboxEventListener meteredListener;
    private Dispatcher plainDispatcher;
    private Dispatcher meteredDispatcher;

    /** Builds both sides on one registry. */
    @Setup
    public void setUp() {
        InboxKitMetrics metrics = InboxKitMetrics.builder().registry(new SimpleMeterRegistry()).build();
        plainCarrier = new Carrier() {
            @Override
            public String id() {
                return "instant";
            }

            @Override
            public CarrierCapabilities capabilities() {
                return CarrierCapabilities.builder().build();
            }

            @Override
            public SubmitResult submit(OutboundSubmission ignored) {
                return ACCEPTED;
            }

            @Override
            public WebhookPayload parseWebhook(WebhookRequest request) {
                return WebhookPayload.ofInbound(java.util.List.of());
            }
        };
        meteredCarrier = metrics.carrier(plainCarrier);
        plainListener = InboxEventListener.none();
        meteredListener = metrics.eventListener();
        plainDispatcher = new Dispatcher() {
            @Override
            public DispatchSummary dispatchDue() {
                return SUMMARY;
            }

            @Override
            public int writeBroadcastCopies() {
                return 0;
            }

            @Override
            public int batchSize() {
                return 100;
            }
        };
        meteredDispatcher = metrics.dispatcher(plainDispatcher);
    }

    /** @return a submit without metrics */
    @Benchmark
    public SubmitResult submitOff() {
        return plainCarrier.submit(submission);
    }

    /** @return a submit through the measured carrier */
    @Benchmark
    public SubmitResult submitOn() {
        return meteredCarrier.submit(submission);
    }

    /** Hands an event to a listener that does nothing. */
    @Benchmark
    public void eventOff() {
        plainListener.onEvent(event);
    }

    /** Hands an event to the metrics' listener. */
    @Benchmark
    public void eventOn() {
        meteredListener.onEvent(event);
    }

    /** @return a step without metrics */
    @Benchmark
    public DispatchSummary stepOff() {
        return plainDispatcher.dispatchDue();
    }

    /** @return a step through the measured dispatcher */
    @Benchmark
    public DispatchSummary stepOn() {
        return meteredDispatcher.dispatchDue();
    }
}
