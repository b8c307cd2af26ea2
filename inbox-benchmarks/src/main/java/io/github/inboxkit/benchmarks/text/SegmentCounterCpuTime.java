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
 * its own, as JMH would run it.
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
}
