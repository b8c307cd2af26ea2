package io.github.inboxkit.benchmarks.compliance;

import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compliance.RevocationDetector;
import io.github.inboxkit.core.compliance.RevocationVerdict;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@link RevocationDetector#detect} costs per inbound text, and what it allocates, beside
 * two same-run baselines: the exact opt-out keyword match that ingestion runs on every inbound
 * message today ({@code core.internal.Keywords.match} with the default keywords, reached through a
 * method handle because it is package-private), and {@code String.equalsIgnoreCase("STOP")} over
 * the trimmed text, the least any keyword check can do. {@link #baselineCharLoop} is the floor of
 * reading the text at all.
 *
 * <p>Run, from the repository root (the {@code benchmark} profile of {@code inbox-benchmarks}
 * launches {@code org.openjdk.jmh.Main} with {@code jmh.args}):
 * <pre>
 * mvn -B -q -o -pl inbox-benchmarks -am package -DskipTests -Pbenchmark \
 *     -Djmh.args="RevocationDetectorBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RevocationDetectorBenchmark {

    /**
     * Which inbound text: {@code keyword} a mandatory word in a short reply; {@code englishRequest}
     * and {@code frenchRequest} natural-language revocations; {@code conversation} a 160-char reply
     * that is no revocation, the common case and the slowest short one (every rule is tried and none
     * ends the search early); {@code conversation1000} 1,000 chars of the same.
     */
    @Param({"keyword", "englishRequest", "frenchRequest", "conversation", "conversation1000"})
    public String text;

    /** Names of the texts of {@link #text}, for the CPU-time cross-check. */
    static final String[] TEXTS = {"keyword", "englishRequest", "frenchRequest", "conversation", "conversation1000"};

    static final MethodHandle KEYWORDS_MATCH = keywordsMatch();
    static final Set<String> OPT_OUT_KEYWORDS = AccountSettings.DEFAULT_OPT_OUT_KEYWORDS;

    private final RevocationDetector detector = RevocationDetector.standard();
    private String input;

    /** Builds the text named by {@link #text}. */
    @Setup
    public void setUp() {
        input = textNamed(text);
    }

    static String textNamed(String name) {
        // 160 chars, the emoji near the end so that no cut below falls inside it
        String conversation = "Hi! Thanks for the reminder, I'll be there at 3:30 tomorrow. Can I bring my "
                + "sister too? She wants a cut & color. Also do you still have the 25 % off coupon? 🙂 ";
        switch (name) {
            case "keyword":
                return "STOP please!!";
            case "englishRequest":
                return "Please stop texting me, I never signed up for this";
            case "frenchRequest":
                return "Bonjour, arrêtez de m'envoyer des messages svp";
            case "conversation":
                return conversation;
            case "conversation1000":
                return conversation.repeat(7).substring(0, 1000);
            default:
                throw new IllegalArgumentException("no text named " + name);
        }
    }

    private static MethodHandle keywordsMatch() {
        try {
            Class<?> keywords = Class.forName("io.github.inboxkit.core.internal.Keywords");
            Method match = keywords.getDeclaredMethod("match", String.class, Set.class);
            match.setAccessible(true);
            return MethodHandles.lookup().unreflect(match)
                    .asType(MethodType.methodType(Optional.class, String.class, Set.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the opt-out keyword match is not where this benchmark expects it", e);
        }
    }

    /**
     * The detector: mandatory words, then the phrase rules of English, Spanish and French.
     *
     * @return the verdict, for JMH to consume
     */
    @Benchmark
    public RevocationVerdict detect() {
        return detector.detect(input);
    }

    /**
     * Baseline: the opt-out keyword match ingestion runs today (exact keyword, default keywords).
     *
     * @return the match, for JMH to consume
     * @throws Throwable never in practice: what the method handle throws
     */
    @Benchmark
    public Optional<?> baselineKeywordsMatch() throws Throwable {
        return (Optional<?>) KEYWORDS_MATCH.invokeExact(input, OPT_OUT_KEYWORDS);
    }

    /**
     * Baseline: the least a keyword check can do, one case-insensitive comparison of the trimmed text.
     *
     * @return whether the text is STOP, for JMH to consume
     */
    @Benchmark
    public boolean baselineEqualsIgnoreCase() {
        return input.trim().equalsIgnoreCase("STOP");
    }

    /**
     * The floor: one load per char and an add, over the same text.
     *
     * @return the sum of the chars, for JMH to consume
     */
    @Benchmark
    public int baselineCharLoop() {
        String s = input;
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            sum += s.charAt(i);
        }
        return sum;
    }
}
