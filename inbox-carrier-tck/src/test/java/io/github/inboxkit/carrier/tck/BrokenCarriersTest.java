package io.github.inboxkit.carrier.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Proves that the kit catches faults: it runs the suite against each deliberately broken carrier
 * and expects exactly the rules that guard against that fault to fail, and every other to pass.
 */
class BrokenCarriersTest {

    private static Events run(Class<?> suite) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute().testEvents();
    }

    private static Set<String> names(Events events) {
        return events.stream()
                .map(event -> event.getTestDescriptor())
                .map(TestDescriptor::getSource)
                .flatMap(source -> source.stream())
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getMethodName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertOnlyTheseFail(Class<?> suite, String... expectedFailures) {
        Events events = run(suite);
        assertThat(names(events.failed())).containsExactlyInAnyOrder(expectedFailures);
        assertThat(names(events.aborted())).doesNotContain(expectedFailures);
        assertThat(events.succeeded().count()).as("the rules this carrier does not break still pass").isGreaterThan(10);
    }

    @Test
    @DisplayName("F29 the kit runs against the simulator and every rule passes (sanity check of the harness)")
    void simulatorPasses() {
        Events events = run(SimulatedCarrierConformanceTest.class);
        assertThat(names(events.failed())).isEmpty();
        assertThat(events.succeeded().count()).isGreaterThan(15);
    }

    @Test
    @DisplayName("F29 the kit fails a carrier that throws for carrier-side refusals instead of returning RejectedPermanently")
    void catchesExceptionsForRefusals() {
        assertOnlyTheseFail(BrokenCarriers.ThrowingOnRefusalConformance.class,
                "rule_1_2_refusalsAreResultsNotExceptions", "rule_1_3_permanentRefusalIsStable",
                "rule_4_3_oversizeMediaRefused", "rule_4_5_tooManySegmentsRefused");
    }

    @Test
    @DisplayName("F29 the kit fails a carrier that accepts forged webhooks")
    void catchesForgeries() {
        assertOnlyTheseFail(BrokenCarriers.AcceptingForgeriesConformance.class,
                "rule_5_3_forgedRefused", "rule_5_4_tamperedBodyRefused");
    }

    @Test
    @DisplayName("F29 F31 the kit fails a carrier that ignores the idempotency key (a retry would send twice)")
    void catchesIgnoredIdempotencyKey() {
        assertOnlyTheseFail(BrokenCarriers.IgnoringIdempotencyKeyConformance.class,
                "rule_3_1_sameKeySameMessage", "rule_2_2_concurrentRepeatsYieldOneMessage");
    }

    @Test
    @DisplayName("F29 the kit fails a carrier that is not thread-safe (racy message id counter)")
    void catchesRaces() {
        assertOnlyTheseFail(BrokenCarriers.RacyCounterConformance.class, "rule_2_1_concurrentSubmitsAreSafe");
    }
}
