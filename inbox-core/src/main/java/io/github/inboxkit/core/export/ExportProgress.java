package io.github.inboxkit.core.export;

import io.github.inboxkit.core.Require;

/**
 * How far an export has come, reported after each page the sink completed. Immutable and
 * thread-safe.
 *
 * @param messages how many messages the sink received so far in this run
 * @param cursor where to resume to continue after them ({@link ExportRequest#after()})
 */
public record ExportProgress(long messages, ExportCursor cursor) {

    /** Checks the parts. */
    public ExportProgress {
        Require.argument(messages >= 0, "messages", "must not be negative");
        Require.nonNull(cursor, "cursor");
    }
}
