package io.github.inboxkit.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.MissingValueException;
import io.github.inboxkit.core.conversation.MessageId;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExportRequestTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    @DisplayName("F39 a request has the whole account, no cursor and pages of 500 by default")
    void defaults() {
        ExportRequest request = ExportRequest.between(FROM, TO);

        assertThat(request.contact()).isEmpty();
        assertThat(request.label()).isEmpty();
        assertThat(request.after()).isEmpty();
        assertThat(request.pageSize()).isEqualTo(ExportRequest.DEFAULT_PAGE_SIZE);
    }

    @Test
    @DisplayName("F39 a range whose end is not after its start is refused, naming to")
    void emptyRangeIsRefused() {
        assertThatThrownBy(() -> ExportRequest.between(TO, TO))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> ExportRequest.between(TO, FROM)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    @DisplayName("F39 a page size outside 1 to 10000 is refused, naming pageSize")
    void pageSizeBounds() {
        for (int size : new int[] {0, -1, ExportRequest.MAX_PAGE_SIZE + 1}) {
            assertThatThrownBy(() -> ExportRequest.builder().from(FROM).to(TO).pageSize(size).build())
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("pageSize"));
        }
        assertThat(ExportRequest.builder().from(FROM).to(TO).pageSize(ExportRequest.MAX_PAGE_SIZE).build().pageSize())
                .isEqualTo(ExportRequest.MAX_PAGE_SIZE);
    }

    @Test
    @DisplayName("F39 a missing bound is refused with a MissingValueException")
    void missingBound() {
        assertThatThrownBy(() -> ExportRequest.builder().from(FROM).build()).isInstanceOf(MissingValueException.class);
        assertThatThrownBy(() -> ExportRequest.between(null, TO)).isInstanceOf(MissingValueException.class);
    }

    @Test
    @DisplayName("F39 resumingAfter keeps the request and sets the cursor")
    void resumingAfter() {
        ExportCursor cursor = new ExportCursor(FROM.plusSeconds(5), MessageId.random());
        ExportRequest request = ExportRequest.builder().from(FROM).to(TO).pageSize(7).build();

        assertThat(request.resumingAfter(cursor))
                .isEqualTo(ExportRequest.builder().from(FROM).to(TO).pageSize(7).after(cursor).build());
    }
}
