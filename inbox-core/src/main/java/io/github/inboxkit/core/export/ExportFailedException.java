package io.github.inboxkit.core.export;

import io.github.inboxkit.core.InboxException;
import java.io.IOException;
import java.util.Optional;

/**
 * An export stopped because its sink failed (the stream beneath could not be written). What the
 * sink completed before stays written; {@link #resumeCursor()} says where to resume. Immutable and
 * safe to share between threads.
 */
public class ExportFailedException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final long messagesWritten;
    private final transient ExportCursor resumeCursor;

    /**
     * @param messagesWritten how many messages the sink completed (pages ended) in this run
     * @param resumeCursor where to resume: the last page completed, else the cursor the run started
     *     after; null if neither (resume from the start)
     * @param cause the sink's failure
     */
    public ExportFailedException(long messagesWritten, ExportCursor resumeCursor, IOException cause) {
        super("The export's sink failed after " + messagesWritten + " messages: " + cause.getMessage()
                + (resumeCursor == null ? "; run the export again from its start"
                        : "; run it again with the resume cursor to continue after the last page written"), cause);
        this.messagesWritten = messagesWritten;
        this.resumeCursor = resumeCursor;
    }

    /** @return how many messages the sink completed in this run, in pages it ended */
    public long messagesWritten() {
        return messagesWritten;
    }

    /**
     * Where to resume: the cursor of the last page the sink completed in this run.
     *
     * @return the cursor; empty if the run started from the start and completed no page
     */
    public Optional<ExportCursor> resumeCursor() {
        return Optional.ofNullable(resumeCursor);
    }
}
