package io.github.inboxkit.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.inboxkit.core.export.ExportProgress;
import io.github.inboxkit.core.export.ExportSink;
import io.github.inboxkit.core.export.ExportSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * What the CSV and JSON Lines writers share: the caller's stream or writer (exactly one), the
 * Jackson generator the export writes through, its flush after every page and its close at the
 * end, which leaves the caller's stream open (the factories turn AUTO_CLOSE_TARGET off).
 *
 * <p>Not thread-safe: one export, one thread.
 */
abstract class GeneratorSink implements ExportSink {

    /** The caller's byte stream, or null when writing to {@link #writer}. */
    final OutputStream stream;
    /** The caller's character stream, or null when writing to {@link #stream}. */
    final Writer writer;
    /** The generator, made by {@link #begin}. */
    JsonGenerator generator;

    GeneratorSink(OutputStream stream, Writer writer) {
        this.stream = stream;
        this.writer = writer;
    }

    @Override
    public final void endPage(ExportProgress progress) throws IOException {
        // the generator's buffer, then the stream beneath: the page can be resumed after
        generator.flush();
    }

    @Override
    public final void end(ExportSummary summary) throws IOException {
        // closes the generator only: AUTO_CLOSE_TARGET is off, the caller's stream stays open
        generator.close();
    }
}
