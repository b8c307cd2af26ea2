package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: {@link ConsentRows#deleteSupersededOptOutRecords}, which the retention purge
 * calls for accounts that do not keep their opt-out history (F18, F30). A store that implements it
 * extends this class; accounts have random ids, so one shared database serves all tests.
 */
public abstract class OptOutRetentionContract {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00.123456Z");

    private InboxStore store;
    private AccountId account;

    /**
     * Creates the store under test, or returns a shared one.
     *
     * @return the store
     */
    protected abstract InboxStore newStore();

    /** Creates the store and a fresh account. */
    @BeforeEach
    protected void setUpAccount() {
        store = newStore();
        account = AccountId.of("acct-" + UUID.randomUUID());
        store.inTransaction(account, tx -> {
            tx.accounts().insertAccount(Account.builder().id(account).name("Retention test").settings(AccountSettings.defaults())
                    .createdAt(NOW).build());
            return null;
        });
    }

    private static PhoneNumber phone(int index) {
        return new PhoneNumber(String.format("+3363%07d", index));
    }

    private <T> T inTx(TransactionWork<T> work) {
        return store.inTransaction(account, work);
    }

    @Test
    @DisplayName("F30 F18 superseded opt-out records older than the cutoff are deleted; a number's latest record never is")
    void supersededOptOuts() {
        Instant old = NOW.minus(Duration.ofDays(100));
        inTx(tx -> {
            for (int i = 0; i < 3; i++) {
                tx.consent().appendOptOutRecord(optOut(phone(7), i % 2 == 0 ? OptOutAction.OPTED_OUT : OptOutAction.OPTED_IN,
                        old.plusSeconds(i)));
            }
            tx.consent().appendOptOutRecord(optOut(phone(8), OptOutAction.OPTED_OUT, old));
            tx.consent().appendOptOutRecord(optOut(phone(9), OptOutAction.OPTED_OUT, old));
            tx.consent().appendOptOutRecord(optOut(phone(9), OptOutAction.OPTED_IN, NOW));
            return null;
        });

        assertThat(inTx((StoreTransaction tx) -> tx.consent().deleteSupersededOptOutRecords(NOW.minus(Duration.ofDays(90)), 10)))
                .isEqualTo(3);

        assertThat(inTx((StoreTransaction tx) -> tx.consent().optOutHistory(phone(7)))).extracting(OptOutRecord::action)
                .containsExactly(OptOutAction.OPTED_OUT);
        assertThat(inTx((StoreTransaction tx) -> tx.consent().optOutHistory(phone(8)))).hasSize(1);
        assertThat(inTx((StoreTransaction tx) -> tx.consent().latestOptOutRecord(phone(9)))).hasValueSatisfying(record ->
                assertThat(record.action()).isEqualTo(OptOutAction.OPTED_IN));
        assertThat(inTx((StoreTransaction tx) -> tx.consent().optOutHistory(phone(9)))).hasSize(1);
        assertThat(inTx((StoreTransaction tx) -> tx.consent().deleteSupersededOptOutRecords(NOW, 10))).isZero();
    }

    private static OptOutRecord optOut(PhoneNumber phone, OptOutAction action, Instant at) {
        return OptOutRecord.builder().phone(phone).action(action).source(OptOutSource.USER)
                .changedBy(UserId.of("agent")).recordedAt(at).build();
    }

}
