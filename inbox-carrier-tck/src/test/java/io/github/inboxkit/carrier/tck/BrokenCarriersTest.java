package io.github.inboxkit.carrier.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Proves that the kit catches faults: it runs the suite against each deliberately broken carrier
 * (or broken certification, such as a forging signing hook) and expects exactly the rules that
 * guard against that fault to fail, and every other to pass; and it checks that every rule of the
 * kit is made to fail by at least one of them. The concurrency faults are exposed by a forced
 * interleaving, so these tests do not depend on the scheduler's luck.
 */
class BrokenCarriersTest {

    /** For each broken setup, exactly the rules that must fail against it. */
    private static final Map<Class<?>, Set<String>> EXPECTED_FAILURES = new LinkedHashMap<>();

    static {
        EXPECTED_FAILURES.put(BrokenCarriers.ThrowingOnRefusalConformance.class, Set.of(
                "rule_1_2_refusalsAreResultsNotExceptions",
                "rule_1_3_permanentRefusalIsStable",
                "rule_4_3_oversizeMediaRefused",
                "rule_4_5_tooManySegmentsRefused",
                // it offers no lookup: rule 7.3 submits the refused key again, and it throws
                "rule_7_3_refusalIsNotFoundAccepted"));
        EXPECTED_FAILURES.put(BrokenCarriers.AcceptingForgeriesConformance.class, Set.of(
                "rule_5_3_forgedRefused",
                "rule_5_4_tamperedBodyRefused",
                "rule_5_8_requestAuthenticatedByHeader",
                "rule_5_9_repeatedSignatureHeaderRefused"));
        EXPECTED_FAILURES.put(BrokenCarriers.FirstSignatureOnlyConformance.class, Set.of(
                "rule_5_9_repeatedSignatureHeaderRefused"));
        EXPECTED_FAILURES.put(BrokenCarriers.IgnoringIdempotencyKeyConformance.class, Set.of(
                "rule_3_1_sameKeySameMessage",
                "rule_2_2_concurrentRepeatsYieldOneMessage",
                // it offers no lookup, so a repeat of an accepted key must answer the same id: it does not
                "rule_7_1_acceptedSubmissionIsFound"));
        EXPECTED_FAILURES.put(BrokenCarriers.RacyCounterConformance.class, Set.of(
                "rule_2_1_concurrentSubmitsAreSafe"));
        EXPECTED_FAILURES.put(BrokenCarriers.SharedParseBufferConformance.class, Set.of(
                "rule_2_3_concurrentParsingIsSafe"));
        // without MMS declared, any media is over the maximum: rule 4.3 catches the carrier too
        EXPECTED_FAILURES.put(BrokenCarriers.MmsDespiteNoCapabilityConformance.class, Set.of(
                "rule_4_2_mmsRefusedWithoutCapability",
                "rule_4_3_oversizeMediaRefused"));
        EXPECTED_FAILURES.put(BrokenCarriers.AlphanumericDespiteNoCapabilityConformance.class, Set.of(
                "rule_4_4_alphanumericRefusedWithoutCapability"));
        EXPECTED_FAILURES.put(BrokenCarriers.RefusingDeclaredSenderConformance.class, Set.of(
                "rule_1_1_plainSmsIsAccepted",
                "rule_2_1_concurrentSubmitsAreSafe",
                "rule_2_2_concurrentRepeatsYieldOneMessage",
                "rule_3_1_sameKeySameMessage",
                "rule_3_2_distinctKeysDistinctMessages",
                // rules 4.2 and 4.4 check the declared side of MMS and alphanumeric senders too
                "rule_4_2_mmsRefusedWithoutCapability",
                "rule_4_4_alphanumericRefusedWithoutCapability",
                "rule_4_6_supportedSenderAccepted",
                "rule_6_2_reportsReferToAcceptedMessage",
                "rule_7_1_acceptedSubmissionIsFound",
                "rule_7_2_unknownKeyIsNotFound"));
        EXPECTED_FAILURES.put(BrokenCarriers.TruncatingIdempotencyKeyConformance.class, Set.of(
                "rule_1_2_refusalsAreResultsNotExceptions",
                "rule_2_1_concurrentSubmitsAreSafe",
                "rule_3_2_distinctKeysDistinctMessages"));
        EXPECTED_FAILURES.put(BrokenCarriers.UnstableIdConformance.class, Set.of(
                "rule_4_1_capabilitiesAreSane"));
        EXPECTED_FAILURES.put(BrokenCarriers.HalfParsingConformance.class, Set.of(
                "rule_5_5_malformedRefusedWholly"));
        EXPECTED_FAILURES.put(BrokenCarriers.ForgingSigningHookConformance.class, Set.of(
                "rule_5_6_signingHookIsGenuine"));
        EXPECTED_FAILURES.put(BrokenCarriers.MisMappingStatusesConformance.class, Set.of(
                "rule_2_3_concurrentParsingIsSafe",
                "rule_5_1_samplesRoundTrip",
                "rule_6_1_statusesMapToStandard"));
        EXPECTED_FAILURES.put(BrokenCarriers.MisMappingStatusesWithCopiedSamplesConformance.class, Set.of(
                "rule_6_1_statusesMapToStandard"));
        EXPECTED_FAILURES.put(BrokenCarriers.ReportsUnderOtherIdsConformance.class, Set.of(
                "rule_6_2_reportsReferToAcceptedMessage"));
        EXPECTED_FAILURES.put(BrokenCarriers.SwallowingRedeliveriesConformance.class, Set.of(
                "rule_2_3_concurrentParsingIsSafe",
                "rule_5_2_parsingIsRepeatable"));
        EXPECTED_FAILURES.put(BrokenCarriers.SamplesWithoutReportsConformance.class, Set.of(
                "rule_5_7_samplesCoverBothKinds",
                "rule_6_1_statusesMapToStandard"));
        EXPECTED_FAILURES.put(BrokenCarriers.OptingOutOfBodyAuthenticationConformance.class, Set.of(
                "rule_5_3_forgedRefused",
                "rule_5_8_requestAuthenticatedByHeader"));
        EXPECTED_FAILURES.put(BrokenCarriers.SharedSecretPresenceOnlyConformance.class, Set.of(
                "rule_5_3_forgedRefused",
                "rule_5_8_requestAuthenticatedByHeader"));
        EXPECTED_FAILURES.put(BrokenCarriers.ForgetfulLookupConformance.class, Set.of(
                "rule_7_1_acceptedSubmissionIsFound"));
        EXPECTED_FAILURES.put(BrokenCarriers.InventingLookupConformance.class, Set.of(
                "rule_7_2_unknownKeyIsNotFound"));
        EXPECTED_FAILURES.put(BrokenCarriers.RefusalAsAcceptedLookupConformance.class, Set.of(
                "rule_7_3_refusalIsNotFoundAccepted"));
    }

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

    private static Events assertOnlyTheseFail(Class<?> suite) {
        String[] expectedFailures = EXPECTED_FAILURES.get(suite).toArray(String[]::new);
        Events events = run(suite);
        assertThat(names(events.failed())).containsExactlyInAnyOrder(expectedFailures);
        assertThat(names(events.aborted())).doesNotContain(expectedFailures);
        assertThat(events.succeeded().count()).as("the rules this carrier does not break still pass").isGreaterThan(10);
        return events;
    }

    /** The reason each aborted (skipped by an assumption) rule gave, by method name. */
    private static Map<String, String> abortReasons(Events events) {
        return reasons(events.aborted());
    }

    /** The message each finished event's throwable carried, by method name. */
    private static Map<String, String> reasons(Events finished) {
        Map<String, String> reasons = new TreeMap<>();
        finished.stream().forEach(event -> event.getTestDescriptor().getSource()
                .filter(MethodSource.class::isInstance)
                .ifPresent(source -> reasons.put(((MethodSource) source).getMethodName(),
                        event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                                .map(Throwable::getMessage).orElse(""))));
        return reasons;
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
        assertOnlyTheseFail(BrokenCarriers.ThrowingOnRefusalConformance.class);
    }

    @Test
    @DisplayName("F29 the kit fails a carrier that accepts forged webhooks")
    void catchesForgeries() {
        assertOnlyTheseFail(BrokenCarriers.AcceptingForgeriesConformance.class);
    }

    @Test
    @DisplayName("F29 the kit fails a carrier that reads only the first of several signature headers (a forgery after a genuine one passes)")
    void catchesFirstSignatureOnly() {
        assertOnlyTheseFail(BrokenCarriers.FirstSignatureOnlyConformance.class);
    }

    @Test
    @DisplayName("F29 F31 the kit fails a carrier that ignores the idempotency key (a retry would send twice)")
    void catchesIgnoredIdempotencyKey() {
        assertOnlyTheseFail(BrokenCarriers.IgnoringIdempotencyKeyConformance.class);
    }

    @Test
    @DisplayName("F29 the kit fails a carrier that is not thread-safe (racy message id counter, interleaving forced)")
    void catchesRaces() {
        Events events = assertOnlyTheseFail(BrokenCarriers.RacyCounterConformance.class);
        assertThat(reasons(events.failed()).get("rule_2_1_concurrentSubmitsAreSafe"))
                .as("it fails on the duplicate ids the race produced, not on something else")
                .contains("carrier message ids must be unique");
    }

    @Test
    @DisplayName("F29 the kit fails a carrier whose webhook parser shares an unguarded buffer between threads")
    void catchesThreadUnsafeParsing() {
        Events events = assertOnlyTheseFail(BrokenCarriers.SharedParseBufferConformance.class);
        assertThat(reasons(events.failed()).get("rule_2_3_concurrentParsingIsSafe"))
                .as("it fails because mixed bodies made a genuine sample fail, not on something else")
                .contains("a genuine sample webhook was refused");
    }

    @Test
    @DisplayName("F29 the kit fails a carrier that accepts an MMS although its capabilities say no MMS")
    void catchesMmsDespiteNoCapability() {
        assertOnlyTheseFail(BrokenCarriers.MmsDespiteNoCapabilityConformance.class);
    }

    @Test
    @DisplayName("F29 the kit fails a carrier that sends from an alphanumeric sender although it declares none")
    void catchesAlphanumericDespiteNoCapability() {
        assertOnlyTheseFail(BrokenCarriers.AlphanumericDespiteNoCapabilityConformance.class);
    }

    @Test
    @DisplayName("F29 the kit fails a carrier that refuses plain SMS from the sender kind it declares")
    void catchesRefusedDeclaredSender() {
        assertOnlyTheseFail(BrokenCarriers.RefusingDeclaredSenderConformance.class);
    }

    @Test
    @DisplayName("F29 the kit fails a carrier that truncates idempotency keys, so distinct messages collide")
    void catchesTruncatedIdempotencyKeys() {
        assertOnlyTheseFail(BrokenCarriers.TruncatingIdempotencyKeyConformance.class);
    }

    @Test
    @DisplayName("F29 the kit fails a carrier whose id is not stable")
    void catchesUnstableId() {
        assertOnlyTheseFail(BrokenCarriers.UnstableIdConformance.class);
    }

    @Test
    @DisplayName("F29 the kit fails a carrier that returns a partial payload for a malformed body instead of refusing it")
    void catchesHalfParsing() {
        assertOnlyTheseFail(BrokenCarriers.HalfParsingConformance.class);
    }

    @Test
    @DisplayName("F29 the kit fails a signing hook that forges, which would let a half-parsing carrier pass rule 5.5")
    void catchesForgingSigningHook() {
        assertOnlyTheseFail(BrokenCarriers.ForgingSigningHookConformance.class);
    }

    @Test
    @DisplayName("F31 the kit fails a carrier that maps UNDELIVERED to DELIVERED")
    void catchesWrongStatusMapping() {
        assertOnlyTheseFail(BrokenCarriers.MisMappingStatusesConformance.class);
    }

    @Test
    @DisplayName("F31 the kit fails a wrong status mapping even when the samples' expectations repeat the mistake")
    void catchesWrongStatusMappingWithCopiedSamples() {
        assertOnlyTheseFail(BrokenCarriers.MisMappingStatusesWithCopiedSamplesConformance.class);
    }

    @Test
    @DisplayName("F31 the kit fails a carrier whose delivery reports do not carry the id it answered on submit")
    void catchesReportsUnderOtherIds() {
        assertOnlyTheseFail(BrokenCarriers.ReportsUnderOtherIdsConformance.class);
    }

    @Test
    @DisplayName("F32 the kit fails a carrier that swallows redelivered webhooks instead of parsing them again")
    void catchesSwallowedRedeliveries() {
        assertOnlyTheseFail(BrokenCarriers.SwallowingRedeliveriesConformance.class);
    }

    @Test
    @DisplayName("F29 F31 the kit fails a certification whose samples show no delivery report")
    void catchesSamplesWithoutReports() {
        assertOnlyTheseFail(BrokenCarriers.SamplesWithoutReportsConformance.class);
    }

    @Test
    @DisplayName("F29 opting out of body authentication does not certify a carrier that accepts forgeries, and shows the gap")
    void optingOutOfBodyAuthenticationIsNoLoophole() {
        Events events = assertOnlyTheseFail(BrokenCarriers.OptingOutOfBodyAuthenticationConformance.class);
        assertThat(abortReasons(events)).containsKey("rule_5_4_tamperedBodyRefused");
        assertThat(abortReasons(events).get("rule_5_4_tamperedBodyRefused")).contains("CERTIFICATION GAP");
    }

    @Test
    @DisplayName("F29 a carrier authenticated by a shared-secret header certifies, with rule 5.4 reported as a gap")
    void sharedSecretCertifiesWithAGap() {
        Events events = run(BrokenCarriers.SharedSecretConformance.class);
        assertThat(names(events.failed())).isEmpty();
        assertThat(names(events.succeeded())).contains("rule_5_3_forgedRefused", "rule_5_8_requestAuthenticatedByHeader");
        assertThat(abortReasons(events).get("rule_5_4_tamperedBodyRefused")).contains("CERTIFICATION GAP");
    }

    @Test
    @DisplayName("F29 the kit fails a shared-secret carrier that checks the header is present, not its value")
    void catchesSharedSecretPresenceOnly() {
        assertOnlyTheseFail(BrokenCarriers.SharedSecretPresenceOnlyConformance.class);
    }

    @Test
    @DisplayName("F29 a run that drops the kit's @Nested rules (as Surefire before 3.0.0-M6 did with -Dtest) fails instead of passing")
    void zeroRulesRunFails() {
        // Surefire before 3.0.0-M6 turned -Dtest=KestrelCarrierConformanceTest into a filter that
        // the nested rule classes did not pass; a filter that drops every nested rule mimics it.
        Class<?> suite = SimulatedCarrierConformanceTest.class;
        PostDiscoveryFilter dropNestedRules = descriptor -> FilterResult.includedIf(descriptor.getSource()
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getJavaClass().getEnclosingClass() == null)
                .orElse(true));
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite))
                .filters(dropNestedRules)
                .execute();

        assertThat(names(results.testEvents().started())).as("only the kit's anchor ran, no rule")
                .containsExactly("conformanceKitStarts");
        Map<String, String> failedClasses = new TreeMap<>();
        results.containerEvents().failed().stream().forEach(event -> event.getTestDescriptor().getSource()
                .filter(ClassSource.class::isInstance)
                .ifPresent(source -> failedClasses.put(((ClassSource) source).getClassName(),
                        event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                                .map(Throwable::getMessage).orElse(""))));
        assertThat(failedClasses).containsOnlyKeys(suite.getName());
        assertThat(failedClasses.get(suite.getName()))
                .contains("ran none of its rules", "maven-surefire-plugin 3.0.0-M6");
    }

    @Test
    @DisplayName("F29 a run of some of the rules (a single rule selected) does not trip the zero-rules check")
    void someRulesRunPasses() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectNestedMethod(List.of(SimulatedCarrierConformanceTest.class),
                        CarrierConformanceTest.Idempotency.class, "rule_3_1_sameKeySameMessage"))
                .execute();

        assertThat(names(results.testEvents().succeeded())).containsExactly("rule_3_1_sameKeySameMessage");
        assertThat(results.allEvents().failed().count()).isZero();
    }

    @Test
    @DisplayName("F29 F31 failure messages name the request or submission that broke the rule (rules 3.1, 5.3, 5.4, 5.5)")
    void failureMessagesSayWhatFailed() {
        assertThat(reasons(assertOnlyTheseFail(BrokenCarriers.IgnoringIdempotencyKeyConformance.class).failed())
                .get("rule_3_1_sameKeySameMessage"))
                .contains("the carrier message id answered to the repeat must be the first answer's");
        Map<String, String> forgeries = reasons(assertOnlyTheseFail(BrokenCarriers.AcceptingForgeriesConformance.class)
                .failed());
        assertThat(forgeries.get("rule_5_3_forgedRefused"))
                .contains("forged request #0", "WebhookRequest[method=", "must be refused with WebhookRejectedException");
        assertThat(forgeries.get("rule_5_4_tamperedBodyRefused"))
                .contains(" with alteration #", "must be refused with WebhookRejectedException");
        assertThat(reasons(assertOnlyTheseFail(BrokenCarriers.HalfParsingConformance.class).failed())
                .get("rule_5_5_malformedRefusedWholly"))
                .contains("correctly signed malformed body #", "must be refused with WebhookRejectedException");
    }

    @Test
    @DisplayName("F29 F31 the kit fails a carrier whose submission lookup forgets accepted messages (a retry would send twice)")
    void catchesForgetfulLookup() {
        assertOnlyTheseFail(BrokenCarriers.ForgetfulLookupConformance.class);
    }

    @Test
    @DisplayName("F29 F31 the kit fails a carrier whose submission lookup invents an acceptance (the message would never be sent)")
    void catchesInventingLookup() {
        assertOnlyTheseFail(BrokenCarriers.InventingLookupConformance.class);
    }

    @Test
    @DisplayName("F29 F31 the kit fails a carrier whose submission lookup reports a permanent refusal as accepted")
    void catchesRefusalFoundAccepted() {
        assertOnlyTheseFail(BrokenCarriers.RefusalAsAcceptedLookupConformance.class);
    }

    @Test
    @DisplayName("F29 the submission lookup rules run on the lookup of the simulator, which offers one, and on the answers to repeats of a carrier without one")
    void lookupRulesRunWhereDeclared() {
        Events simulator = run(SimulatedCarrierConformanceTest.class);
        assertThat(names(simulator.succeeded())).contains("rule_7_1_acceptedSubmissionIsFound",
                "rule_7_2_unknownKeyIsNotFound", "rule_7_3_refusalIsNotFoundAccepted");
        Events without = run(SmsOnlySimulatorConformanceTest.class);
        assertThat(names(without.succeeded())).contains("rule_7_1_acceptedSubmissionIsFound",
                "rule_7_2_unknownKeyIsNotFound", "rule_7_3_refusalIsNotFoundAccepted");
        assertThat(abortReasons(without)).doesNotContainKeys("rule_7_1_acceptedSubmissionIsFound",
                "rule_7_2_unknownKeyIsNotFound", "rule_7_3_refusalIsNotFoundAccepted");
    }

    @Test
    @DisplayName("F29 every rule of the kit is made to fail by at least one broken carrier above")
    void everyRuleIsProvenByABrokenCarrier() {
        Set<String> rules = new TreeSet<>();
        for (Class<?> nested : CarrierConformanceTest.class.getDeclaredClasses()) {
            for (Method method : nested.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Test.class)) {
                    rules.add(method.getName());
                }
            }
        }
        Set<String> proven = new TreeSet<>();
        EXPECTED_FAILURES.values().forEach(proven::addAll);
        assertThat(rules).hasSizeGreaterThan(20);
        assertThat(proven).as("rules made to fail by some broken setup").containsAll(rules);
        assertThat(rules).as("expected failures name real rules").containsAll(proven);
    }
}
