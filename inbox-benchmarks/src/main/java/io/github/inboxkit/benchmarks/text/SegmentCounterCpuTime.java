package io.github.inboxkit.benchmarks.text;

import io.github.inboxkit.core.text.SegmentCounter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A cross-check of {@link SegmentCounterBenchmark} for a shared, overloaded machine: it times
 * {@link SegmentCounter#count} in thread CPU time, which does not grow while the thread waits
 * for a core, where JMH's wall-clock figures do. It is no replacement for JMH (no forks, no
 * blackholes beyond a volatile sink); read it only next to JMH's figures.
 *
 * <p>Run with the {@code benchmark} profile of {@code inbox-benchmarks}:
 * <pre>
 * mvn -B -q -o -pl inbox-benchmarks -am package -DskipTests -Pbenchmark \
 *     -Dbenchmark.main=io.github.inboxkit.benchmarks.text.SegmentCounterCpuTime -Djmh.args=gsm160
 * </pre>
 * The argument names one text of {@link SegmentCounterBenchmark#text}; each runs best in a JVM of
 * its own, as JMH would run it. {@code corpus} times the {@link Corpus} instead, per message, with
 * the same run's yardsticks of {@link CorpusBenchmark}: split-sms's algorithm and the bare char
 * loop, in turns, so that each meets the same stretch of machine.
 */
public final class SegmentCounterCpuTime {

    private static volatile long sink;

    private SegmentCounterCpuTime() {}

    /**
     * Prints the thread CPU time per count and per char, over five rounds after three of warm-up.
     *
     * @param args the name of the text, such as {@code gsm160} or {@code mixed1000}
     */
    public static void main(String[] args) {
        String name = args.length == 0 ? "gsm160" : args[0];
        if (name.equals("corpus")) {
            corpus();
            return;
        }
        String text = SegmentCounterBenchmark.textNamed(name);
        SegmentCounter counter = SegmentCounter.standard();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int repetitions = 2_000_000;
        for (int round = 0; round < 8; round++) {
            long units = 0;
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < repetitions; i++) {
                units += counter.count(text).unitCount();
            }
            long nanos = threads.getCurrentThreadCpuTime() - start;
            sink += units;
            if (round >= 3) {
                double perCount = nanos / (double) repetitions;
                System.out.printf("%s (%d chars): %.1f ns CPU per count, %.2f ns per char%n",
                        name, text.length(), perCount, perCount / text.length());
            }
        }
    }

    private static void corpus() {
        String[] texts = Corpus.texts();
        SegmentCounter counter = SegmentCounter.standard();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int rounds = 200;
        for (int round = 0; round < 10; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int r = 0; r < rounds; r++) {
                sink += countAll(counter, texts);
            }
            long countNanos = threads.getCurrentThreadCpuTime() - start;
            start = threads.getCurrentThreadCpuTime();
            for (int r = 0; r < rounds / 10; r++) {
                sink += splitAll(texts);
            }
            long splitSmsNanos = (threads.getCurrentThreadCpuTime() - start) * 10;
            start = threads.getCurrentThreadCpuTime();
            for (int r = 0; r < rounds; r++) {
                sink += readAll(texts);
            }
            long loopNanos = threads.getCurrentThreadCpuTime() - start;
            if (round >= 5) {
                double messages = (double) rounds * texts.length;
                System.out.printf("corpus: count %.1f ns CPU per message, split-sms port %.1f (%.1fx),"
                        + " char loop %.1f (count / loop %.2f)%n", countNanos / messages, splitSmsNanos / messages,
                        (double) splitSmsNanos / countNanos, loopNanos / messages, (double) countNanos / loopNanos);
            }
        }
    }

    private static long countAll(SegmentCounter counter, String[] texts) {
        long units = 0;
        for (String text : texts) {
            units += counter.count(text).unitCount();
        }
        return units;
    }

    private static long splitAll(String[] texts) {
        long parts = 0;
        for (String text : texts) {
            parts += SplitSmsPort.split(text).parts().size();
        }
        return parts;
    }

    private static long readAll(String[] texts) {
        long sum = 0;
        for (String text : texts) {
            for (int i = 0; i < text.length(); i++) {
                sum += text.charAt(i);
            }
        }
        return sum;
    }
}
