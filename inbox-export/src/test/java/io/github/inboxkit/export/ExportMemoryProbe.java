package io.github.inboxkit.export;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.export.ExportRequest;
import io.github.inboxkit.core.export.ExportSink;
import io.github.inboxkit.core.export.ExportSummary;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import java.io.OutputStream;
import java.time.Instant;

/**
 * The child JVM of {@link ExportConstantMemoryTest}: exports an account of a database to a stream
 * that counts and drops the bytes, and prints {@code messages bytes heapUsedAfterGc}. Run with a
 * small heap, it shows that the export holds a page, not the export.
 */
public final class ExportMemoryProbe {

    private ExportMemoryProbe() {}

    /**
     * @param args the JDBC URL, the account id, {@code csv} or {@code jsonl}
     * @throws Exception if the export fails (the child then exits with a non-zero code)
     */
    public static void main(String[] args) throws Exception {
        CountingNullStream out = new CountingNullStream();
        try (JdbcInboxStore store = JdbcInboxStore.builder(args[0], "sa", "").maximumPoolSize(2).build()) {
            InboxKit kit = InboxKit.builder().store(store).build();
            ExportSink sink = args[2].equals("csv") ? CsvExporter.to(out).withByteOrderMark() : JsonLinesExporter.to(out);
            ExportSummary summary = kit.export().run(AccountId.of(args[1]),
                    ExportRequest.builder().from(Instant.EPOCH).to(Instant.parse("2100-01-01T00:00:00Z")).build(), sink);
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            System.out.println(summary.messages() + " " + out.count + " " + (runtime.totalMemory() - runtime.freeMemory()));
        }
    }

    /** Counts the bytes written and keeps none. */
    static final class CountingNullStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
