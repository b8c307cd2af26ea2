package io.github.inboxkit.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.conversation.MediaReference;
import io.github.inboxkit.core.export.ExportRequest;
import io.github.inboxkit.core.export.ExportedMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * Writes an export as JSON Lines: one JSON object per message, each on its own line ended by LF,
 * in UTF-8 to a stream. The keys are those of {@link CsvExporter}'s columns; an absent value is
 * {@code null}, {@code sequence} a number, {@code read} a boolean, times ISO-8601 strings in UTC, and
 * {@code media} an array of {@code {"mime_type": ..., "location": ...}}. Line breaks inside a text
 * are escaped, so a line is always one message.
 *
 * <p>Written through Jackson's streaming generator, flushed after every page; the stream is never
 * closed. A resumed export's lines can be appended to the first run's output.
 *
 * <p>One instance serves one export; not thread-safe (the export calls it from one thread).
 */
public final class JsonLinesExporter extends GeneratorSink {

    // no separator between root values: each line's LF is written after its object
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((String) null)
            // an emoji is written as its four UTF-8 bytes, as with a Writer, not as two escapes
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();


    private JsonLinesExporter(OutputStream stream, Writer writer) {
        super(stream, writer);
    }

    /**
     * A JSON Lines writer to a stream, in UTF-8.
     *
     * @param out the stream; the caller closes it
     * @return the writer, for one export
     * @throws io.github.inboxkit.core.MissingValueException if the stream is null
     */
    public static JsonLinesExporter to(OutputStream out) {
        return new JsonLinesExporter(Require.nonNull(out, "out"), null);
    }

    /**
     * A JSON Lines writer to a character stream (whose encoding is the caller's).
     *
     * @param out the writer; the caller closes it
     * @return the writer, for one export
     * @throws io.github.inboxkit.core.MissingValueException if the writer is null
     */
    public static JsonLinesExporter to(Writer out) {
        return new JsonLinesExporter(null, Require.nonNull(out, "out"));
    }

    @Override
    public void begin(ExportRequest request) throws IOException {
        generator = stream != null ? FACTORY.createGenerator(stream, JsonEncoding.UTF8) : FACTORY.createGenerator(writer);
    }

    @Override
    public void write(ExportedMessage message) throws IOException {
        generator.writeStartObject();
        for (ExportField field : ExportField.ALL) {
            generator.writeFieldName(field.key());
            writeValue(field.valueOf(message));
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
    }

    private void writeValue(Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof Instant instant) {
            generator.writeString(instant.toString());
        } else if (value instanceof List<?> media) {
            generator.writeStartArray();
            for (Object item : media) {
                MediaReference reference = (MediaReference) item;
                generator.writeStartObject();
                generator.writeStringField("mime_type", reference.mimeType());
                generator.writeStringField("location", reference.location());
                generator.writeEndObject();
            }
            generator.writeEndArray();
        } else {
            generator.writeString(value.toString());
        }
    }
}
