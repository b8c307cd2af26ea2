package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.StoreTransaction;
import java.util.Optional;

/** The subscription rules of F18: keywords on inbound messages, manual changes, the send check. */
final class Subscriptions {

    private Subscriptions() {}

    static boolean isOptedOut(StoreTransaction tx, PhoneNumber phone) {
        return tx.consent().latestOptOutRecord(phone).map(r -> r.action() == OptOutAction.OPTED_OUT).orElse(false);
    }

    /** Applies an opt-out or opt-in keyword of an inbound message, if the account enables it. */
    static void applyKeywords(Step step, AccountSettings settings, Message inbound) {
        PhoneNumber phone = inbound.contactPhone();
        if (settings.autoOptOut()) {
            Optional<String> keyword = Keywords.match(inbound.text(), settings.optOutKeywords());
            if (keyword.isPresent()) {
                if (!isOptedOut(step.tx, phone)) {
                    record(step, keywordRecord(step, inbound, keyword.get(), OptOutAction.OPTED_OUT));
                }
                return;
            }
        }
        if (settings.autoOptIn()) {
            Optional<String> keyword = Keywords.match(inbound.text(), settings.optInKeywords());
            if (keyword.isPresent() && isOptedOut(step.tx, phone)) {
                record(step, keywordRecord(step, inbound, keyword.get(), OptOutAction.OPTED_IN));
            }
        }
    }

    static OptOutRecord byUser(Step step, PhoneNumber phone, UserId user, OptOutAction action) {
        OptOutRecord record = OptOutRecord.builder()
                .phone(phone)
                .action(action)
                .source(OptOutSource.USER)
                .changedBy(user)
                .recordedAt(step.now)
                .build();
        record(step, record);
        return record;
    }

    private static OptOutRecord keywordRecord(Step step, Message inbound, String keyword, OptOutAction action) {
        return OptOutRecord.builder()
                .phone(inbound.contactPhone())
                .action(action)
                .source(OptOutSource.KEYWORD)
                .causedByMessage(inbound.id())
                .keyword(keyword)
                .recordedAt(step.now)
                .build();
    }

    private static void record(Step step, OptOutRecord record) {
        step.tx.consent().appendOptOutRecord(record);
        step.publish(new InboxEvent.SubscriptionChanged(step.tx.accountId(), record));
    }
}
