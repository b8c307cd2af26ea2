package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.export.ExportCursor;
import io.github.inboxkit.core.export.ExportFailedException;
import io.github.inboxkit.core.export.ExportProgress;
import io.github.inboxkit.core.export.ExportRequest;
import io.github.inboxkit.core.export.ExportSink;
import io.github.inboxkit.core.export.ExportSummary;
import io.github.inboxkit.core.export.ExportedMessage;
import io.github.inboxkit.core.label.LabelId;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: the export (F39) reads an account's messages of a range of time, optionally of one
 * contact, oldest first, in keyset pages that resume from a cursor with nothing repeated or
 * missed, and never another account's messages. {@link ExportPropertiesContract} has the
 * property over page sizes and stopping points.
 */
public abstract class ExportContract extends StoreContractSupport {

    private static final Comparator<Message> ORDER = ExportFixtures.ORDER;
    private static final Instant EARLY = ExportFixtures.EARLY;
    private static final Instant LATE = ExportFixtures.LATE;

    @Test
    @DisplayName("F39 exports every message of the account oldest first, with its conversation, contact name and direction")
    void exportsEveryMessageInOrder() {
        String named = freshNumber();
        kit.contacts().create(account, named, ContactDetails.builder().firstName("Ada").lastName("Lovelace").build());
        List<Message> written = new ArrayList<>();
        written.add(receive(named, "first").message());
        advance(Duration.ofSeconds(1));
        written.add(send(named, "second, with \"quotes\"\r\nand a line"));
        String unnamed = freshNumber();
        written.add(receive(unnamed, "same instant as the reply").message());
        advance(Duration.ofSeconds(1));
        written.add(receive(named, "third 😀").message());

        List<ExportedMessage> exported = exportAll(ExportRequest.between(EARLY, LATE));

        assertThat(ExportFixtures.messagesOf(exported)).containsExactlyElementsOf(written.stream().sorted(ORDER).toList());
        assertThat(exported).allSatisfy(row -> assertThat(row.contactName())
                .isEqualTo(row.message().contactPhone().e164().equals(named)
                        ? java.util.Optional.of("Ada Lovelace") : java.util.Optional.empty()));
        assertThat(exported.stream().map(row -> row.message().direction()))
                .containsExactlyInAnyOrder(Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND, Direction.INBOUND);
    }

    @Test
    @DisplayName("F39 the range includes its start and excludes its end")
    void rangeBoundaries() {
        String number = freshNumber();
        Message before = receive(number, "before").message();
        advance(Duration.ofMinutes(1));
        Message atStart = receive(number, "at the start").message();
        advance(Duration.ofMinutes(1));
        Message atEnd = receive(number, "at the end").message();

        List<ExportedMessage> exported = exportAll(ExportRequest.between(atStart.createdAt(), atEnd.createdAt()));

        assertThat(ExportFixtures.messagesOf(exported)).containsExactly(atStart);
        assertThat(ExportFixtures.messagesOf(exportAll(ExportRequest.between(before.createdAt(), atEnd.createdAt().plusNanos(1000)))))
                .containsExactly(before, atStart, atEnd);
    }

    @Test
    @DisplayName("F39 the contact filter exports that number's messages only, both directions")
    void contactFilter() {
        String mine = freshNumber();
        String other = freshNumber();
        Message in = receive(mine, "in").message();
        receive(other, "not this one");
        advance(Duration.ofSeconds(1));
        Message out = send(mine, "out");

        List<ExportedMessage> exported = exportAll(ExportRequest.builder().from(EARLY).to(LATE)
                .contact(new PhoneNumber(mine)).pageSize(1).build());

        assertThat(ExportFixtures.messagesOf(exported)).containsExactly(in, out);
    }

    @Test
    @DisplayName("F39 F33 another account's export holds none of this account's messages, even with its cursor")
    void accountsAreApart() {
        String number = freshNumber();
        Message mine = receive(number, "my secret").message();
        AccountId other = newAccount(AccountSettings.builder().defaultRegion("FR").build());
        Message theirs = receive(other, freshNumber(), "their message", "c-" + MessageId.random()).message();

        List<ExportedMessage> theirExport = new ArrayList<>();
        kit.export().run(other, ExportRequest.between(EARLY, LATE), ExportFixtures.collecting(theirExport));
        List<ExportedMessage> theirExportAfterMyCursor = new ArrayList<>();
        kit.export().run(other, ExportRequest.between(EARLY, LATE)
                        .resumingAfter(new ExportCursor(EARLY, mine.id())), ExportFixtures.collecting(theirExportAfterMyCursor));
        List<ExportedMessage> contactOfMine = new ArrayList<>();
        kit.export().run(other, ExportRequest.builder().from(EARLY).to(LATE).contact(new PhoneNumber(number)).build(),
                ExportFixtures.collecting(contactOfMine));

        assertThat(ExportFixtures.messagesOf(theirExport)).containsExactly(theirs);
        assertThat(ExportFixtures.messagesOf(theirExportAfterMyCursor)).containsExactly(theirs);
        assertThat(contactOfMine).isEmpty();
        assertThat(ExportFixtures.messagesOf(exportAll(ExportRequest.between(EARLY, LATE)))).containsExactly(mine);
    }

    @Test
    @DisplayName("F39 progress after every page counts the messages and resumes right after them")
    void progressAfterEveryPage() {
        String number = freshNumber();
        for (int i = 0; i < 5; i++) {
            receive(number, "message " + i);
        }
        List<ExportProgress> reported = new ArrayList<>();
        List<ExportedMessage> exported = new ArrayList<>();

        ExportSummary summary = kit.export().run(account, ExportRequest.builder().from(EARLY).to(LATE).pageSize(2).build(),
                ExportFixtures.collecting(exported), reported::add);

        assertThat(summary).isEqualTo(new ExportSummary(5, 3));
        assertThat(reported).extracting(ExportProgress::messages).containsExactly(2L, 4L, 5L);
        assertThat(reported).extracting(ExportProgress::cursor)
                .containsExactly(exported.get(1).cursor(), exported.get(3).cursor(), exported.get(4).cursor());
    }

    @Test
    @DisplayName("F39 a message that arrives during an export, after the position passed, is exported once at the end")
    void messageArrivingDuringTheExport() {
        String number = freshNumber();
        for (int i = 0; i < 4; i++) {
            receive(number, "message " + i);
        }
        List<ExportedMessage> exported = new ArrayList<>();
        List<Message> arrived = new ArrayList<>();

        kit.export().run(account, ExportRequest.builder().from(EARLY).to(LATE).pageSize(2).build(),
                ExportFixtures.collecting(exported), progress -> {
                    if (arrived.isEmpty()) {
                        advance(Duration.ofSeconds(1));
                        arrived.add(receive(number, "arrived while exporting").message());
                    }
                });

        assertThat(exported).hasSize(5);
        assertThat(exported.get(4).message()).isEqualTo(arrived.get(0));
    }

    @Test
    @DisplayName("F39 an export with nothing in its range calls begin and end and reports no page")
    void emptyExport() {
        receive(freshNumber(), "outside the range");
        List<String> calls = new ArrayList<>();
        ExportSink sink = new ExportSink() {
            @Override
            public void begin(ExportRequest request) {
                calls.add("begin");
            }

            @Override
            public void write(ExportedMessage message) {
                calls.add("write");
            }

            @Override
            public void endPage(ExportProgress progress) {
                calls.add("page");
            }

            @Override
            public void end(ExportSummary summary) {
                calls.add("end " + summary.messages());
            }
        };

        ExportSummary summary = kit.export().run(account, ExportRequest.between(LATE, LATE.plusSeconds(60)), sink);

        assertThat(summary).isEqualTo(new ExportSummary(0, 0));
        assertThat(calls).containsExactly("begin", "end 0");
    }

    @Test
    @DisplayName("F39 a sink's failure stops the export with the cursor of the last page it completed")
    void sinkFailureCarriesTheResumeCursor() {
        String number = freshNumber();
        for (int i = 0; i < 5; i++) {
            receive(number, "message " + i);
        }
        List<ExportedMessage> exported = new ArrayList<>();

        assertThatThrownBy(() -> kit.export().run(account,
                ExportRequest.builder().from(EARLY).to(LATE).pageSize(2).build(), ExportFixtures.failingAfter(3, exported)))
                .isInstanceOfSatisfying(ExportFailedException.class, e -> {
                    assertThat(e.messagesWritten()).isEqualTo(2);
                    assertThat(e.resumeCursor()).contains(exported.get(1).cursor());
                    assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
                });
    }

    @Test
    @DisplayName("F39 F35 the label filter exports the messages of the conversations that carry the label, in pages")
    void labelFilter() {
        String labelled = freshNumber();
        String other = freshNumber();
        Message first = receive(labelled, "in a labelled thread").message();
        receive(other, "in another thread");
        advance(Duration.ofSeconds(1));
        Message reply = send(labelled, "reply in the labelled thread");
        LabelId vip = kit.labels().create(account, "VIP").id();
        kit.labels().label(account, vip, List.of(first.conversationId()));
        LabelId unused = kit.labels().create(account, "Unused").id();
        AccountId otherAccount = newAccount(AccountSettings.builder().defaultRegion("FR").build());

        assertThat(ExportFixtures.messagesOf(exportAll(ExportRequest.builder().from(EARLY).to(LATE).label(vip)
                .pageSize(1).build()))).containsExactly(first, reply);
        assertThat(exportAll(ExportRequest.builder().from(EARLY).to(LATE).label(unused).build())).isEmpty();
        List<ExportedMessage> theirs = new ArrayList<>();
        kit.export().run(otherAccount, ExportRequest.builder().from(EARLY).to(LATE).label(vip).build(),
                ExportFixtures.collecting(theirs));
        assertThat(theirs).as("another account's export with this account's label").isEmpty();
    }

    private List<ExportedMessage> exportAll(ExportRequest request) {
        return ExportFixtures.exportAll(kit, account, request);
    }
}
