package io.github.inboxkit.export;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.export.ExportRequest;
import io.github.inboxkit.core.export.ExportedMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes an export as CSV (RFC 4180): a header row, then one row per message with the columns
 * {@code message_id, conversation_id, sequence, created_at, direction, status, contact_phone,
 * contact_name, author, sender_id, text, media, read, carrier_message_id, carrier_received_at,
 * scheduled_for, broadcast}; fields separated by commas, rows ended by CRLF, a field quoted when it
 * holds a comma, a quote (doubled), CR or LF; an absent value is an empty field. Times are ISO-8601
 * in UTC; media is one {@code mimeType location} per line of its field. To a stream it writes
 * UTF-8, with a byte order mark first if {@link #withByteOrderMark()} asks for one (spreadsheet
 * programs need it to read UTF-8).
 *
 * <p>An export that resumes ({@link ExportRequest#after()} given) writes no header and no byte order
 * mark, so that its rows can be appended to the first run's output. Written through Jackson's CSV
 * generator, flushed after every page; the stream is never closed.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(path)) {
 *     kit.export().run(account, ExportRequest.between(from, to), CsvExporter.to(out).withByteOrderMark());
 * }
 * }</pre>
 *
 * <p>One instance serves one export; not thread-safe (the export calls it from one thread).
 */
public final class CsvExporter extends GeneratorSink {

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // quote a field only where RFC 4180 needs it (comma, quote, CR, LF), not by a heuristic
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private static final CsvSchema SCHEMA;

    static {
        CsvSchema.Builder columns = CsvSchema.builder();
        ExportField.ALL.forEach(field -> columns.addColumn(field.key()));
        SCHEMA = columns.build().withoutHeader().withLineSeparator("\r\n").withNullValue("");
    }

    private final boolean byteOrderMark;

    private CsvExporter(OutputStream stream, Writer writer, boolean byteOrderMark) {
        super(stream, writer);
        this.byteOrderMark = byteOrderMark;
    }

    /**
     * A CSV writer to a stream, in UTF-8 without a byte order mark.
     *
     * @param out the stream; the caller closes it
     * @return the writer, for one export
     * @throws io.github.inboxkit.core.MissingValueException if the stream is null
     */
    public static CsvExporter to(OutputStream out) {
        return new CsvExporter(Require.nonNull(out, "out"), null, false);
    }

    /**
     * A CSV writer to a character stream (whose encoding is the caller's).
     *
     * @param out the writer; the caller closes it
     * @return the writer, for one export
     * @throws io.github.inboxkit.core.MissingValueException if the writer is null
     */
    public static CsvExporter to(Writer out) {
        return new CsvExporter(null, Require.nonNull(out, "out"), false);
    }

    /**
     * The same writer, starting its output with a byte order mark (U+FEFF, the bytes {@code EF BB
     * BF} in UTF-8) unless the export resumes: what spreadsheet programs need to read the file as
     * UTF-8.
     *
     * @return a writer that writes the mark
     */
    public CsvExporter withByteOrderMark() {
        return new CsvExporter(stream, writer, true);
    }

    @Override
    public void begin(ExportRequest request) throws IOException {
        boolean fresh = request.after().isEmpty();
        if (fresh && byteOrderMark) {
            if (stream != null) {
                stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            } else {
                writer.write('\uFEFF');
            }
        }
        generator = stream != null ? FACTORY.createGenerator(stream) : FACTORY.createGenerator(writer);
        generator.setSchema(SCHEMA);
        if (fresh) {
            generator.writeStartArray();
            for (ExportField field : ExportField.ALL) {
                generator.writeString(field.key());
            }
            generator.writeEndArray();
        }
    }

    @Override
    public void write(ExportedMessage message) throws IOException {
        generator.writeStartArray();
        for (ExportField field : ExportField.ALL) {
            String text = field.textOf(message);
            if (text == null) {
                generator.writeNull();
            } else {
                generator.writeString(text);
            }
        }
        generator.writeEndArray();
    }
}
