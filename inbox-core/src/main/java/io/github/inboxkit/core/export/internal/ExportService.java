package io.github.inboxkit.core.export.internal;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.export.Export;
import io.github.inboxkit.core.export.ExportCursor;
import io.github.inboxkit.core.export.ExportFailedException;
import io.github.inboxkit.core.export.ExportProgress;
import io.github.inboxkit.core.export.ExportRequest;
import io.github.inboxkit.core.export.ExportSink;
import io.github.inboxkit.core.export.ExportSummary;
import io.github.inboxkit.core.export.ExportedMessage;
import io.github.inboxkit.core.internal.UnitOfWork;
import io.github.inboxkit.core.store.ExportQuery;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export (F39): reads keyset pages through the one unit of work, each page in a read
 * transaction of its own, and writes each page to the sink after its transaction ended, so that a
 * slow sink holds no transaction (nor, in memory, the account's lock) and memory holds one page.
 *
 * <p>Public for {@code InboxKit}'s builder only; no compatibility promise. Thread-safe.
 */
public final class ExportService implements Export {

    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);

    private final UnitOfWork unitOfWork;

    /**
     * @param unitOfWork the engine's unit of work
     */
    public ExportService(UnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    @Override
    public ExportSummary run(AccountId account, ExportRequest request, ExportSink sink,
            Consumer<ExportProgress> progress) {
        Require.nonNull(account, "account");
        Require.nonNull(request, "request");
        Require.nonNull(sink, "sink");
        Require.nonNull(progress, "progress");
        Optional<ExportCursor> position = request.after();
        long messages = 0;
        long pages = 0;
        try {
            sink.begin(request);
            while (true) {
                ExportQuery query = ExportQuery.builder()
                        .from(request.from())
                        .to(request.to())
                        .contact(request.contact())
                        .label(request.label())
                        .after(position)
                        .limit(request.pageSize())
                        .build();
                List<ExportedMessage> page = unitOfWork.run(account, step -> step.tx().exportRows().readExportPage(query));
                if (page.isEmpty()) {
                    break;
                }
                for (ExportedMessage message : page) {
                    sink.write(message);
                }
                ExportProgress done = new ExportProgress(messages + page.size(), page.get(page.size() - 1).cursor());
                sink.endPage(done);
                messages = done.messages();
                pages++;
                position = Optional.of(done.cursor());
                progress.accept(done);
                if (page.size() < request.pageSize()) {
                    break;
                }
            }
            ExportSummary summary = new ExportSummary(messages, pages);
            sink.end(summary);
            LOG.debug("Exported {} messages in {} pages of account {}", messages, pages, account);
            return summary;
        } catch (IOException e) {
            throw new ExportFailedException(messages, position.orElse(null), e);
        }
    }
}
