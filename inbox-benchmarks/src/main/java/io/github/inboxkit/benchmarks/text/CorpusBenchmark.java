package io.github.inboxkit.benchmarks.text;

import io.github.inboxkit.core.text.SegmentCounter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Segment counting over a corpus like real traffic ({@link Corpus}: 3,000 texts, 60 % UCS-2, about
 * 220 chars on average), in nanoseconds per message. Each invocation counts every text once, so
 * that the branch predictor sees the mix rather than one text again and again.
 *
 * <p>Beside the counter, in the same run: {@link SplitSmsPort}, the algorithm of the split-sms
 * library in Java, and {@link #baselineCharLoop}, the floor of reading every char once. The
 * library itself runs on Node.js: {@code src/main/js/split-sms-corpus.js} times it over the same
 * texts (the counter's goal is at least 50 times its speed).
 *
 * <p>Run, from the repository root:
 * <pre>
 * mvn -B -q -o -pl inbox-benchmarks -am package -DskipTests -Pbenchmark \
 *     -Djmh.args="CorpusBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CorpusBenchmark {

    private String[] texts;
    private final SegmentCounter standard = SegmentCounter.standard();
    private final SegmentCounter smart = SegmentCounter.builder().smartEncoding(true).build();
    private final SegmentCounter graphemes = SegmentCounter.builder().graphemeClusters(true).build();

    /** Builds the corpus. */
    @Setup
    public void setUp() {
        texts = Corpus.texts();
    }

    /**
     * The counter with no options, every text of the corpus.
     *
     * @param sink consumes each count
     */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void count(Blackhole sink) {
        for (String text : texts) {
            sink.consume(standard.count(text));
        }
    }

    /**
     * The counter with smart encoding on (it replaces look-alikes when that avoids UCS-2).
     *
     * @param sink consumes each count
     */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void countSmart(Blackhole sink) {
        for (String text : texts) {
            sink.consume(smart.count(text));
        }
    }

    /**
     * The counter with the grapheme option on: the standard count and the count of the split that
     * keeps grapheme clusters whole.
     *
     * @param sink consumes each count
     */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void countGraphemes(Blackhole sink) {
        for (String text : texts) {
            sink.consume(graphemes.count(text));
        }
    }

    /**
     * The yardstick: split-sms's algorithm over the same texts.
     *
     * @param sink consumes each split
     */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void splitSms(Blackhole sink) {
        for (String text : texts) {
            sink.consume(SplitSmsPort.split(text));
        }
    }

    /**
     * The floor: one load per char and an add, over the same texts.
     *
     * @param sink consumes each sum
     */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void baselineCharLoop(Blackhole sink) {
        for (String text : texts) {
            int sum = 0;
            for (int i = 0; i < text.length(); i++) {
                sum += text.charAt(i);
            }
            sink.consume(sum);
        }
    }
}
