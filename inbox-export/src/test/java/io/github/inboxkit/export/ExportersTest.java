package io.github.inboxkit.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.MediaReference;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.NewOutboundMessage;
import io.github.inboxkit.core.export.ExportProgress;
import io.github.inboxkit.core.export.ExportRequest;
import io.github.inboxkit.core.export.ExportSink;
import io.github.inboxkit.core.export.ExportSummary;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExportersTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final ExportRequest ALL = ExportRequest.between(NOW.minusSeconds(3600), NOW.plusSeconds(3600));
    private static final String NASTY = "He said \"hi\", then left;\r\nnew line\nand a bare\rCR 😀 é";
    private static final List<String> HEADER = List.of("message_id", "conversation_id", "sequence", "created_at",
            "direction", "status", "contact_phone", "contact_name", "author", "sender_id", "text", "media", "read",
            "carrier_message_id", "carrier_received_at", "scheduled_for", "broadcast");

    private InboxKit kit;
    private AccountId account;
    private Message inbound;
    private Message outbound;

    @BeforeEach
    void twoMessages() {
        kit = InboxKit.builder().store(InMemoryInboxStore.create()).clock(new SteppingClock()).build();
        account = AccountId.of("acct-export");
        kit.administration().createAccount(account, "Export", AccountSettings.builder().defaultRegion("FR").build());
        kit.administration().addUser(account, UserId.of("alice"), "Alice");
        kit.contacts().create(account, "+33611112222", ContactDetails.builder().firstName("Zoé").lastName("O'Neil, Jr").build());
        inbound = kit.ingestion().receive(account, IncomingMessage.builder().carrierMessageId("c-1")
                .contactNumber("+33611112222").accountNumber("+33700000001").text(NASTY)
                .addMedia(new MediaReference("image/png", "https://media.example/a,b.png"))
                .addMedia(new MediaReference("image/jpeg", "https://media.example/c.jpg")).build()).message();
        outbound = kit.conversations().recordOutbound(account, NewOutboundMessage.builder()
                .to(new PhoneNumber("+33611112222")).text("=1+2, a formula-looking reply").author(UserId.of("alice")).build());
    }

    @Test
    @DisplayName("F39 CSV has a header, CRLF row ends and quotes exactly the fields with commas, quotes, CR or LF")
    void csvLayout() {
        String csv = csv(false);

        assertThat(csv).startsWith(String.join(",", HEADER) + "\r\n");
        assertThat(csv).endsWith("\r\n").doesNotStartWith("\uFEFF");
        assertThat(csv).contains(",\"He said \"\"hi\"\", then left;\r\nnew line\nand a bare\rCR 😀 é\",");
        assertThat(csv).contains(",\"Zoé O'Neil, Jr\",");
        assertThat(csv).contains("\r\n" + inbound.id() + "," + inbound.conversationId() + ",1," + inbound.createdAt() + ",INBOUND,RECEIVED,+33611112222,");
        assertThat(csv).contains(",\"image/png https://media.example/a,b.png\nimage/jpeg https://media.example/c.jpg\",false,c-1,,,\r\n");
        assertThat(csv).contains("\r\n" + outbound.id() + "," + outbound.conversationId() + ",2," + outbound.createdAt() + ",OUTBOUND,SENT,+33611112222,\"Zoé O'Neil, Jr\",alice,,\"=1+2, a formula-looking reply\",,true,,,,\r\n");
    }

    @Test
    @DisplayName("F39 CSV parses back with Jackson to the same values, one record per message")
    void csvParsesBack() throws IOException {
        List<List<String>> rows = parseCsv(csv(false));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(HEADER);
        Map<String, String> first = row(rows.get(0), rows.get(1));
        assertThat(first).containsEntry("message_id", inbound.id().toString())
                .containsEntry("text", NASTY)
                .containsEntry("contact_name", "Zoé O'Neil, Jr")
                .containsEntry("media", "image/png https://media.example/a,b.png\nimage/jpeg https://media.example/c.jpg")
                .containsEntry("author", "");
        assertThat(row(rows.get(0), rows.get(2))).containsEntry("text", outbound.text()).containsEntry("author", "alice");
    }

    @Test
    @DisplayName("F39 CSV with the byte order mark starts with EF BB BF and is otherwise the same UTF-8")
    void byteOrderMark() {
        byte[] plain = csvBytes(false);
        byte[] marked = csvBytes(true);

        assertThat(marked).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(marked, 3, marked.length - 3, StandardCharsets.UTF_8))
                .isEqualTo(new String(plain, StandardCharsets.UTF_8));
        StringWriter writer = new StringWriter();
        kit.export().run(account, ALL, CsvExporter.to(writer).withByteOrderMark());
        assertThat(writer.toString()).startsWith("\uFEFF" + HEADER.get(0));
    }

    @Test
    @DisplayName("F39 a resumed export writes no header and no mark: the first page's output plus the rest is the whole file")
    void resumedExportAppends() {
        for (boolean csv : new boolean[] {true, false}) {
            ExportRequest paged = ExportRequest.builder().from(ALL.from()).to(ALL.to()).pageSize(1).build();
            RecordingStream whole = new RecordingStream();
            List<ExportProgress> progress = new ArrayList<>();
            List<Integer> flushed = new ArrayList<>();
            kit.export().run(account, paged, csv ? CsvExporter.to(whole).withByteOrderMark() : JsonLinesExporter.to(whole),
                    page -> {
                        progress.add(page);
                        flushed.add(whole.flushedSize);
                    });
            ByteArrayOutputStream rest = new ByteArrayOutputStream();

            kit.export().run(account, paged.resumingAfter(progress.get(0).cursor()),
                    csv ? CsvExporter.to(rest).withByteOrderMark() : JsonLinesExporter.to(rest));

            byte[] firstPage = java.util.Arrays.copyOf(whole.bytes.toByteArray(), flushed.get(0));
            assertThat(new String(firstPage, StandardCharsets.UTF_8) + rest.toString(StandardCharsets.UTF_8))
                    .as(csv ? "csv" : "json lines")
                    .isEqualTo(whole.bytes.toString(StandardCharsets.UTF_8))
                    .contains(outbound.id().toString());
            assertThat(rest.toString(StandardCharsets.UTF_8)).doesNotContain(HEADER.get(0) + ",").doesNotStartWith("\uFEFF")
                    .doesNotContain(inbound.id().toString());
        }
    }

    @Test
    @DisplayName("F39 JSON Lines writes one object per line, LF-ended, parseable back with Jackson")
    void jsonLines() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        kit.export().run(account, ALL, JsonLinesExporter.to(out));
        String text = out.toString(StandardCharsets.UTF_8);

        assertThat(text).endsWith("\n").doesNotContain("\r\n");
        String[] lines = text.split("\n", -1);
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        JsonNode second = json.readTree(lines[1]);
        assertThat(first.fieldNames()).toIterable().containsExactlyElementsOf(HEADER);
        assertThat(first.get("text").asText()).isEqualTo(NASTY);
        assertThat(first.get("sequence").isNumber()).isTrue();
        assertThat(first.get("read").isBoolean()).isTrue();
        assertThat(first.get("author").isNull()).isTrue();
        assertThat(first.get("media").get(0).get("mime_type").asText()).isEqualTo("image/png");
        assertThat(first.get("media").get(1).get("location").asText()).isEqualTo("https://media.example/c.jpg");
        assertThat(first.get("contact_name").asText()).isEqualTo("Zoé O'Neil, Jr");
        assertThat(second.get("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(second.get("created_at").asText()).isEqualTo(outbound.createdAt().toString());
        StringWriter writer = new StringWriter();
        kit.export().run(account, ALL, JsonLinesExporter.to(writer));
        assertThat(writer.toString()).isEqualTo(text);
    }

    @Test
    @DisplayName("F39 the writers flush the stream after every page and never close it")
    void flushPerPageNeverClose() {
        for (boolean csv : new boolean[] {true, false}) {
            RecordingStream out = new RecordingStream();
            List<Integer> bytesAtProgress = new ArrayList<>();
            ExportSink sink = csv ? CsvExporter.to(out) : JsonLinesExporter.to(out);
            ExportSummary summary = kit.export().run(account,
                    ExportRequest.builder().from(ALL.from()).to(ALL.to()).pageSize(1).build(),
                    sink, progress -> bytesAtProgress.add(out.flushedSize));

            assertThat(summary.pages()).isEqualTo(2);
            assertThat(bytesAtProgress).hasSize(2);
            assertThat(bytesAtProgress.get(0)).isPositive().isLessThan(bytesAtProgress.get(1));
            assertThat(bytesAtProgress.get(1)).isEqualTo(out.size());
            assertThat(out.closed).isFalse();
        }
    }

    @Test
    @DisplayName("F39 an empty CSV export is its header; an empty JSON Lines export is empty")
    void emptyExports() {
        ExportRequest nothing = ExportRequest.between(NOW.plusSeconds(7200), NOW.plusSeconds(9000));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();

        kit.export().run(account, nothing, CsvExporter.to(csv));
        kit.export().run(account, nothing, JsonLinesExporter.to(jsonl));

        assertThat(csv.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(",", HEADER) + "\r\n");
        assertThat(jsonl.size()).isZero();
    }

    private String csv(boolean byteOrderMark) {
        return new String(csvBytes(byteOrderMark), StandardCharsets.UTF_8);
    }

    private byte[] csvBytes(boolean byteOrderMark) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExporter sink = CsvExporter.to(out);
        kit.export().run(account, ALL, byteOrderMark ? sink.withByteOrderMark() : sink);
        return out.toByteArray();
    }

    private static List<List<String>> parseCsv(String csv) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static Map<String, String> row(List<String> header, List<String> values) {
        assertThat(values).hasSameSizeAs(header);
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), values.get(i));
        }
        return row;
    }

    /** A clock one millisecond later at every reading, so that every message has its own instant. */
    private static final class SteppingClock extends Clock {
        private Instant now = NOW;

        @Override
        public synchronized Instant instant() {
            now = now.plusMillis(1);
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Counts bytes, remembers how many had been flushed, and whether it was closed. */
    private static final class RecordingStream extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int flushedSize;
        boolean closed;

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushedSize = bytes.size();
        }

        @Override
        public void close() {
            closed = true;
        }

        int size() {
            return bytes.size();
        }
    }
}
