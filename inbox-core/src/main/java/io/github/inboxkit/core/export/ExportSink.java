package io.github.inboxkit.core.export;

import java.io.IOException;

/**
 * Where an export's messages go, page by page: the {@code inbox-export} module's CSV and JSON Lines
 * writers, or a host's own. The export calls {@link #begin} once, {@link #write} for each message of
 * a page followed by {@link #endPage}, and {@link #end} once when every page is written. It does not
 * close anything: the caller owns the stream beneath.
 *
 * <p>Called on the thread that runs the export, never concurrently; an implementation need not be
 * thread-safe.
 */
public interface ExportSink {

    /**
     * Starts the export (a CSV writer writes its header here, unless the export resumes).
     *
     * @param request the request, whose {@link ExportRequest#after()} says whether it resumes
     * @throws IOException if writing fails; the export stops with an {@link ExportFailedException}
     */
    default void begin(ExportRequest request) throws IOException { }

    /**
     * Writes one message.
     *
     * @param message the message
     * @throws IOException if writing fails; the export stops with an {@link ExportFailedException}
     */
    void write(ExportedMessage message) throws IOException;

    /**
     * Ends a page: everything written so far should reach the stream beneath (flush), since the
     * progress callback is told next that the page can be resumed after.
     *
     * @param progress the messages so far and the cursor after this page
     * @throws IOException if writing fails; the export stops with an {@link ExportFailedException}
     */
    void endPage(ExportProgress progress) throws IOException;

    /**
     * Ends the export, after the last page.
     *
     * @param summary what was exported
     * @throws IOException if writing fails; the export stops with an {@link ExportFailedException}
     */
    default void end(ExportSummary summary) throws IOException { }
}
