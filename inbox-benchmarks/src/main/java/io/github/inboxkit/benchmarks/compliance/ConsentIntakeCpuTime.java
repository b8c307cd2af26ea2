package io.github.inboxkit.benchmarks.compliance;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compliance.RevocationDetector;
import io.github.inboxkit.core.compliance.RevocationPolicy;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * What revocation detection (F44) adds to ingestion, per inbound text, in thread CPU time (which
 * does not grow while the thread waits for a core on a loaded machine): the same ordinary texts
 * ingested on the in-memory store into an account that applies no consent rule (the baseline: no
 * keyword match, no detector), one with the defaults (opt-out and opt-in keywords, the detector
 * for the mandatory words, revocation policy OFF) and one with the {@code REVIEW} policy, beside
 * {@link RevocationDetector#detect} alone on the same texts. Every text is conversation, the common
 * case, so each is read to its end. Read it as differences within one run.
 *
 * <p>Run, from the repository root, after building the class path as {@code docs/compliance.md}
 * shows:
 * <pre>
 * java -cp inbox-benchmarks/target/classes:$(cat inbox-benchmarks/target/classpath.txt) \
 *     io.github.inboxkit.benchmarks.compliance.ConsentIntakeCpuTime
 * </pre>
 */
public final class ConsentIntakeCpuTime {

    private static final List<String> TEXTS = List.of(
            "Hi, is my order ready for pickup today?",
            "Thanks! See you at 3pm tomorrow, I'll bring the paperwork with me.",
            RevocationDetectorBenchmark.textNamed("conversation"),
            "ok",
            "Can you stop by the store on your way home and pick up the package?");

    private static volatile long sink;

    private ConsentIntakeCpuTime() {}

    /**
     * Prints the CPU time per inbound text of each account and of the detector, over three rounds
     * after three of warm-up.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        InboxKit kit = InboxKit.builder().store(InMemoryInboxStore.create()).build();
        AccountId bare = account(kit, "bare", AccountSettings.builder().autoOptOut(false).autoOptIn(false).build());
        AccountId defaults = account(kit, "defaults", AccountSettings.defaults());
        AccountId review = account(kit, "review", AccountSettings.builder().revocationPolicy(RevocationPolicy.REVIEW).build());
        RevocationDetector detector = RevocationDetector.standard();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int repetitions = 5_000;
        long[] counter = {0};
        for (int round = 0; round < 6; round++) {
            long bareNs = ingest(kit, bare, repetitions, counter, threads);
            long defaultsNs = ingest(kit, defaults, repetitions, counter, threads);
            long reviewNs = ingest(kit, review, repetitions, counter, threads);
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < repetitions; i++) {
                sink += detector.detect(TEXTS.get(i % TEXTS.size())).ruleId().length();
            }
            long detectNs = threads.getCurrentThreadCpuTime() - start;
            if (round >= 3) {
                System.out.printf(Locale.ROOT, "round %d: ingestion without consent rules %.0f ns, with the defaults"
                        + " %.0f ns (+%.0f), with REVIEW %.0f ns (+%.0f); detect alone %.0f ns CPU per inbound text%n",
                        round - 2, bareNs / (double) repetitions, defaultsNs / (double) repetitions,
                        (defaultsNs - bareNs) / (double) repetitions, reviewNs / (double) repetitions,
                        (reviewNs - bareNs) / (double) repetitions, detectNs / (double) repetitions);
            }
        }
    }

    private static AccountId account(InboxKit kit, String name, AccountSettings settings) {
        AccountId id = AccountId.of(name);
        kit.administration().createAccount(id, name, settings);
        return id;
    }

    private static long ingest(InboxKit kit, AccountId account, int repetitions, long[] counter, ThreadMXBean threads) {
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < repetitions; i++) {
            long n = counter[0]++;
            sink += kit.ingestion().receive(account, IncomingMessage.builder().carrierMessageId("m" + n)
                    .contactNumber(String.format(Locale.ROOT, "+1415555%04d", n % 50)).accountNumber("+14155550100")
                    .text(TEXTS.get(i % TEXTS.size())).build()).message().sequence();
        }
        return threads.getCurrentThreadCpuTime() - start;
    }
}
