package io.github.inboxkit.benchmarks.compliance;

import io.github.inboxkit.core.compliance.RevocationDetector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Optional;

/**
 * A cross-check of {@link RevocationDetectorBenchmark} for a shared, overloaded machine: it times
 * {@link RevocationDetector#detect}, the opt-out keyword match of ingestion and a bare loop over
 * the same chars in thread CPU time, which does not grow while the thread waits for a core, where
 * JMH's wall-clock figures do. No replacement for JMH (no forks, no blackholes beyond a volatile
 * sink); read it next to JMH's figures, as ratios.
 *
 * <p>Run, from the repository root, after building the class path as {@code docs/compliance.md}
 * shows:
 * <pre>
 * java -cp inbox-benchmarks/target/classes:$(cat inbox-benchmarks/target/classpath.txt) \
 *     io.github.inboxkit.benchmarks.compliance.RevocationDetectorCpuTime
 * </pre>
 */
public final class RevocationDetectorCpuTime {

    private static volatile long sink;

    private RevocationDetectorCpuTime() {}

    /**
     * Prints, for each text of {@link RevocationDetectorBenchmark#text}, its verdict and the thread
     * CPU time per call of the three, over three rounds after three of warm-up.
     *
     * @param args ignored
     * @throws Throwable never in practice: what the keyword match's method handle throws
     */
    public static void main(String[] args) throws Throwable {
        RevocationDetector detector = RevocationDetector.standard();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int repetitions = 200_000;
        for (String name : RevocationDetectorBenchmark.TEXTS) {
            String text = RevocationDetectorBenchmark.textNamed(name);
            System.out.printf(Locale.ROOT, "%s (%d chars): %s%n", name, text.length(), detector.detect(text));
            for (int round = 0; round < 6; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < repetitions; i++) {
                    sink += detector.detect(text).ruleId().length();
                }
                long detect = threads.getCurrentThreadCpuTime() - start;
                start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < repetitions; i++) {
                    Optional<?> match = (Optional<?>) RevocationDetectorBenchmark.KEYWORDS_MATCH.invokeExact(text,
                            RevocationDetectorBenchmark.OPT_OUT_KEYWORDS);
                    sink += match.isPresent() ? 1 : 0;
                }
                long keywords = threads.getCurrentThreadCpuTime() - start;
                start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < repetitions; i++) {
                    int sum = 0;
                    for (int c = 0; c < text.length(); c++) {
                        sum += text.charAt(c);
                    }
                    sink += sum;
                }
                long loop = threads.getCurrentThreadCpuTime() - start;
                if (round >= 3) {
                    System.out.printf(Locale.ROOT, "  detect %.0f ns, keyword match %.0f ns, char loop %.0f ns CPU per text%n",
                            detect / (double) repetitions, keywords / (double) repetitions, loop / (double) repetitions);
                }
            }
        }
    }
}
