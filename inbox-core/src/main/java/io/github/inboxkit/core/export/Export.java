package io.github.inboxkit.core.export;

import io.github.inboxkit.core.account.AccountId;
import java.util.function.Consumer;

/**
 * Exports an account's messages (F39): every message created in the request's range of time (and,
 * if the request says so, of one contact), oldest first (creation time, then message id), with its
 * conversation and its contact's saved name, handed to a sink page by page.
 *
 * <h2>Constant memory, and what a reader sees</h2>
 *
 * <p>Each page is read in a transaction of its own, by keyset (strictly after the previous page's
 * last message; never an offset), and written to the sink before the next one is read; the engine
 * holds one page at a time, however many messages the export has. A message is exported as it was
 * when its page was read: a status that moves later is not revisited. Messages deleted before their
 * page is read (retention purge, erasure) are not exported. Messages created while an export runs
 * are exported if they fall in the range and after the position already passed; a message whose
 * transaction commits after a later page was read, with a creation time before that page's end, is
 * missed. So for a complete export of a closed period, end the range ({@link
 * ExportRequest#to()}) a minute or more in the past.
 *
 * <h2>Resuming</h2>
 *
 * <p>After every page the progress callback receives an {@link ExportCursor} that marks the end of
 * what the sink was given and flushed; an export run again with that cursor as {@link
 * ExportRequest#after()} continues with exactly the messages after it: none twice, none missed
 * (within the limits above). If the sink fails, {@link ExportFailedException#resumeCursor()} is the
 * cursor of the last page the sink completed.
 *
 * <p>Reached as {@code InboxKit.export()}. Thread-safe: exports of one or several accounts may run
 * at once, alongside every other use case.
 */
public interface Export {

    /**
     * Exports the messages the request selects to the sink.
     *
     * @param account the account; an unknown account exports nothing
     * @param request what to export
     * @param sink where the messages go; it receives {@link ExportSink#begin}, the messages page by
     *     page with {@link ExportSink#endPage} after each, and {@link ExportSink#end}
     * @return how many messages and pages were exported
     * @throws io.github.inboxkit.core.MissingValueException if an argument is null
     * @throws ExportFailedException if the sink fails; what it completed can be resumed
     * @throws io.github.inboxkit.core.store.StoreException if the store fails
     */
    default ExportSummary run(AccountId account, ExportRequest request, ExportSink sink) {
        return run(account, request, sink, progress -> { });
    }

    /**
     * Exports the messages the request selects to the sink, reporting progress after each page.
     *
     * @param account the account; an unknown account exports nothing
     * @param request what to export
     * @param sink where the messages go
     * @param progress called after each page the sink completed, on the calling thread, with the
     *     count so far and the cursor to resume after it
     * @return how many messages and pages were exported
     * @throws io.github.inboxkit.core.MissingValueException if an argument is null
     * @throws ExportFailedException if the sink fails; what it completed can be resumed
     * @throws io.github.inboxkit.core.store.StoreException if the store fails
     */
    ExportSummary run(AccountId account, ExportRequest request, ExportSink sink, Consumer<ExportProgress> progress);
}
