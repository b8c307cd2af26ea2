package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.export.ExportCursor;
import io.github.inboxkit.core.export.ExportFailedException;
import io.github.inboxkit.core.export.ExportRequest;
import io.github.inboxkit.core.export.ExportedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Contract, as a jqwik property: an export (F39) stopped after any page, at any page size, and
 * resumed from its cursor's token, exports exactly the rest. Each property seeds one fresh account
 * of the store under test with messages of which many share an instant, so that the order by
 * message id decides between them.
 */
public abstract class ExportPropertiesContract extends StoreContractSupport {

    private static final Comparator<Message> ORDER = ExportFixtures.ORDER;
    private static final Instant EARLY = ExportFixtures.EARLY;
    private static final Instant LATE = ExportFixtures.LATE;

    @Property(tries = 30)
    @Label("F39 an export stopped after any page and resumed from its cursor token gives exactly the rest: no duplicate, no gap")
    void resumeGivesExactlyTheRest(@ForAll @IntRange(min = 1, max = 7) int pageSize,
            @ForAll @IntRange(min = 0, max = 25) int failAfterWrites) {
        if (kit == null) {
            setUpEngine();
            seedForResume();
        }
        List<ExportedMessage> whole = ExportFixtures.exportAll(kit, account, ExportRequest.between(EARLY, LATE));
        ExportRequest request = ExportRequest.builder().from(EARLY).to(LATE).pageSize(pageSize).build();
        List<ExportedMessage> firstRun = new ArrayList<>();
        List<ExportCursor> reported = new ArrayList<>();
        ExportRequest resumed = request;
        try {
            kit.export().run(account, request, ExportFixtures.failingAfter(failAfterWrites, firstRun),
                    progress -> reported.add(progress.cursor()));
            // finished: resuming after its last page finds nothing more
            resumed = request.resumingAfter(reported.get(reported.size() - 1));
        } catch (ExportFailedException e) {
            firstRun = firstRun.subList(0, (int) e.messagesWritten());
            if (e.resumeCursor().isPresent()) {
                resumed = request.resumingAfter(ExportCursor.parse(e.resumeCursor().get().token()));
            }
        }
        List<ExportedMessage> secondRun = new ArrayList<>();
        kit.export().run(account, resumed, ExportFixtures.collecting(secondRun));

        assertThat(Stream.concat(firstRun.stream(), secondRun.stream()).toList()).isEqualTo(whole);
        assertThat(ExportFixtures.messagesOf(whole)).isSortedAccordingTo(ORDER).hasSize(21);
    }

    /** 21 messages of three numbers, many sharing an instant, so that the order by id decides. */
    private void seedForResume() {
        String[] numbers = {freshNumber(), freshNumber(), freshNumber()};
        for (int i = 0; i < 21; i++) {
            if (i % 4 == 0) {
                advance(Duration.ofMillis(1));
            }
            if (i % 5 == 4) {
                send(numbers[i % 3], "reply " + i);
            } else {
                receive(numbers[i % 3], "message " + i);
            }
        }
    }
}
