package io.github.inboxkit.core.sending;

import static io.github.inboxkit.core.sending.SendingFixture.LONG_CODE;
import static io.github.inboxkit.core.sending.SendingFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.ShiftTable;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.text.NationalLanguage;
import io.github.inboxkit.core.text.SegmentCount;
import io.github.inboxkit.core.text.SegmentCounter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NationalLanguageSendingTest {

    /** Dotless and dotted i, g-breve, s-cedilla: outside the default GSM alphabet, inside Turkish tables. */
    private static final String TURKISH = "Sayın müşterimiz, Şişli şubemizde ığdır çay ve İzmir güzel ğ ş ı İ Ş Ğ "
            + "randevunuz yarın saat 14:00'te. Teşekkürler, iyi günler dileriz!";
    private static final AccountId TURKISH_ACCOUNT = AccountId.of("istanbul");
    private static final String TO = "+905321234567";

    private final List<SubmitResult> results = new CopyOnWriteArrayList<>();
    private final SendingFixture fixture = new SendingFixture(b -> b, SimulatedCarrier.builder().seed(1),
            simulator -> new DispatcherTest.FaultyCarrier(simulator) {
                @Override
                public SubmitResult submit(OutboundSubmission submission) {
                    SubmitResult result = delegate.submit(submission);
                    results.add(result);
                    return result;
                }
            });

    private void createAccount(AccountId id, List<String> tables) {
        fixture.store.inTransaction(id, tx -> {
            tx.accounts().insertAccount(Account.builder().id(id).name(id.value()).createdAt(T0)
                    .settings(AccountSettings.builder().defaultRegion("TR")
                            .senderIds(List.of(LONG_CODE)).defaultSenderId(LONG_CODE)
                            .nationalLanguageTables(tables)
                            .build())
                    .build());
            return null;
        });
    }

    @Test
    @DisplayName("F25 F31 an account with Turkish enabled sends a Turkish text as GSM-7 with the Turkish shift tables, billed the counted segments")
    void turkishTextUsesTheAccountsTables() {
        createAccount(TURKISH_ACCOUNT, List.of("TURKISH"));
        SegmentCount expected = SegmentCounter.builder().nationalLanguageTables(NationalLanguage.TURKISH).build()
                .count(TURKISH);
        SegmentCount withoutTables = SegmentCounter.standard().count(TURKISH);
        assertThat(expected.lockingShiftTable()).as("the text needs the locking shift").contains(NationalLanguage.TURKISH);
        assertThat(expected.segmentCount()).isLessThan(withoutTables.segmentCount());

        OutboxEntry entry = fixture.sending.send(TURKISH_ACCOUNT, SendRequest.builder()
                .to(Recipient.number(TO)).draft(Draft.ofText(TURKISH)).build());
        fixture.sending.dispatcher().dispatchDue();

        assertThat(entry.encoding()).isEqualTo(TextEncoding.GSM_7);
        assertThat(entry.segmentCount()).isEqualTo(expected.segmentCount());
        OutboundSubmission submission = fixture.carrier.sentMessages().get(0).submission();
        assertThat(submission.encoding()).isEqualTo(TextEncoding.GSM_7);
        assertThat(submission.shiftTables()).startsWith(ShiftTable.TURKISH_LOCKING)
                .containsExactlyElementsOf(expected.singleShiftTable().isPresent()
                        ? List.of(ShiftTable.TURKISH_LOCKING, ShiftTable.TURKISH_SINGLE)
                        : List.of(ShiftTable.TURKISH_LOCKING));
        assertThat(submission.segmentCount()).isEqualTo(expected.segmentCount());
        assertThat(results).singleElement().isInstanceOfSatisfying(SubmitResult.Accepted.class,
                accepted -> assertThat(accepted.segmentsBilled()).isEqualTo(expected.segmentCount()));
        assertThat(fixture.sending.outboxEntry(TURKISH_ACCOUNT, entry.messageId()).orElseThrow().shiftTables())
                .isEqualTo(submission.shiftTables());
    }

    @Test
    @DisplayName("F25 without the account's consent the same text goes as UCS-2 with no shift table")
    void withoutTablesTheTextIsUcs2() {
        createAccount(TURKISH_ACCOUNT, List.of());

        OutboxEntry entry = fixture.sending.send(TURKISH_ACCOUNT, SendRequest.builder()
                .to(Recipient.number(TO)).draft(Draft.ofText(TURKISH)).build());

        assertThat(entry.encoding()).isEqualTo(TextEncoding.UCS_2);
        assertThat(entry.shiftTables()).isEmpty();
        assertThat(entry.segmentCount()).isEqualTo(SegmentCounter.standard().count(TURKISH).segmentCount());
    }

    @Test
    @DisplayName("F25 F28 an account enabling an unknown table is refused with a typed error naming it, nothing stored")
    void unknownTableRefused() {
        createAccount(TURKISH_ACCOUNT, List.of("KLINGON"));

        assertThatThrownBy(() -> fixture.sending.send(TURKISH_ACCOUNT, SendRequest.builder()
                .to(Recipient.number(TO)).draft(Draft.ofText("Merhaba")).build()))
                .isInstanceOfSatisfying(UnknownNationalLanguageException.class, e -> {
                    assertThat(e.name()).isEqualTo("KLINGON");
                    assertThat(e.knownNames()).contains("TURKISH");
                });
        assertThat(fixture.sending.dispatcher().dispatchDue().isIdle()).isTrue();
    }

    @Test
    @DisplayName("F25 F31 an entry whose store did not keep its shift tables gets them back at claim, so the handset reads Turkish")
    void tablesLostByTheStoreAreRestoredAtClaim() {
        createAccount(TURKISH_ACCOUNT, List.of("TURKISH"));
        OutboxEntry entry = fixture.sending.send(TURKISH_ACCOUNT, SendRequest.builder()
                .to(Recipient.number(TO)).draft(Draft.ofText(TURKISH)).build());
        List<ShiftTable> counted = entry.shiftTables();
        // as a store that has no column for them would load the entry
        fixture.store.inTransaction(TURKISH_ACCOUNT, tx -> {
            tx.outbox().updateOutboxEntry(ImmutableOutboxEntry.builder().from(entry).shiftTables(List.of()).build());
            return null;
        });

        fixture.sending.dispatcher().dispatchDue();

        OutboundSubmission submission = fixture.carrier.sentMessages().get(0).submission();
        assertThat(counted).isNotEmpty();
        assertThat(submission.shiftTables()).isEqualTo(counted);
        assertThat(submission.encoding()).isEqualTo(TextEncoding.GSM_7);
        assertThat(submission.segmentCount()).isEqualTo(entry.segmentCount());
    }
}
