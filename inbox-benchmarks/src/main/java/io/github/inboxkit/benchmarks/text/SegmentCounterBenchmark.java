package io.github.inboxkit.benchmarks.text;

import io.github.inboxkit.core.text.NationalLanguage;
import io.github.inboxkit.core.text.SegmentCount;
import io.github.inboxkit.core.text.SegmentCounter;
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
 * How fast {@link SegmentCounter#count} is, and what it allocates, on the texts a team inbox sees.
 *
 * <p>Targets (issue 3): at most 100 ns for a 160-char GSM text, at most 1 ns per char on long mixed
 * texts, and no allocation beyond the {@link SegmentCount} itself (run with {@code -prof gc} and
 * read {@code gc.alloc.rate.norm}). {@link #baselineCharLoop} walks the same chars doing nothing
 * but summing them, the floor any counter stands on; compare against it rather than against
 * absolute figures, which depend on the machine.
 *
 * <p>Run, from the repository root (the {@code benchmark} profile of {@code inbox-benchmarks}
 * launches {@code org.openjdk.jmh.Main} with {@code jmh.args}):
 * <pre>
 * mvn -B -q -o -pl inbox-benchmarks -am package -DskipTests -Pbenchmark \
 *     -Djmh.args="SegmentCounterBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SegmentCounterBenchmark {

    /**
     * Which text to count: {@code gsm160} a full single GSM message of 160 chars; {@code
     * ucs2Emoji70} a full single UCS-2 message (70 units) with four emoji; {@code mixed1000}
     * 1,000 chars of GSM text with extension characters (7 segments); {@code mixed1000Emoji} the same with one emoji near the end, the worst case, where the GSM walk
     * gives up late and the text is counted again in UCS-2.
     */
    @Param({"gsm160", "ucs2Emoji70", "mixed1000", "mixed1000Emoji"})
    public String text;

    private String input;
    private final SegmentCounter standard = SegmentCounter.standard();
    private final SegmentCounter allOptions = SegmentCounter.builder()
            .smartEncoding(true)
            .nationalLanguageTables(NationalLanguage.values())
            .build();

    /** Builds the text named by {@link #text}. */
    @Setup
    public void setUp() {
        input = textNamed(text);
    }

    static String textNamed(String name) {
        String plain = "Hi Sam, your order #4821 is ready for pick-up at 12 Main Street today until 6pm. "
                + "Reply STOP to opt out. See you soon! ";
        String sentence = "Hi Sam, your order #4821 is ready for pick-up at 12 Rue [Main] today until 6pm. "
                + "Reply STOP to opt out; €5 off next time! ";
        switch (name) {
            case "gsm160":
                return fit(plain.repeat(3), 160); // one full GSM message
            case "ucs2Emoji70":
                return fit("Привет Sam 😀 your order is ready 🎉 see you soon 👍 thanks 🙂 ".repeat(2), 70);
            case "mixed1000":
                return fit(sentence.repeat(12), 1000);
            case "mixed1000Emoji":
                String base = fit(sentence.repeat(12), 998);
                return base.substring(0, 900) + "😀" + base.substring(900);
            default:
                throw new IllegalArgumentException("no text named " + name);
        }
    }

    private static String fit(String text, int length) {
        String out = text.substring(0, length);
        if (Character.isHighSurrogate(out.charAt(length - 1))) {
            out = out.substring(0, length - 1) + "!";
        }
        return out;
    }

    /**
     * The counter as most accounts use it: no options.
     *
     * @return the count, for JMH to consume
     */
    @Benchmark
    public SegmentCount count() {
        return standard.count(input);
    }

    /**
     * Smart encoding and all national language tables on: the most work a count can do.
     *
     * @return the count, for JMH to consume
     */
    @Benchmark
    public SegmentCount countWithAllOptions() {
        return allOptions.count(input);
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
