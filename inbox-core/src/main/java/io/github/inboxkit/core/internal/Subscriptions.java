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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The subscription rules of F18: keywords on inbound messages, manual changes, and the one rule
 * that decides whether a number may be texted now, which every door uses (a send, a broadcast's
 * recipients, the dispatcher's re-check when it claims, a carrier's refusal, a manual opt-out).
 *
 * <p>Public for the engine's own {@code internal} packages only; no compatibility promise.
 * Stateless and thread-safe.
 */
public final class Subscriptions {

    private Subscriptions() {}

    /**
     * The rule: a number is opted out when its latest subscription record is an opt-out; a number
     * with no record, or whose latest record is an opt-in, may be texted.
     *
     * @param latest the number's latest record
     * @return whether it opts the number out
     */
    public static boolean optsOut(OptOutRecord latest) {
        return latest.action() == OptOutAction.OPTED_OUT;
    }

    /**
     * Whether a number is opted out, as the transaction sees it: its latest record decides; a
     * number with no record is opted out if it was erased while opted out (F40: its records were
     * replaced by a hashed opt-out, which only a later record, a START say, supersedes).
     *
     * @param tx the transaction
     * @param phone the number
     * @return whether the number may not be texted now
     */
    public static boolean isOptedOut(StoreTransaction tx, PhoneNumber phone) {
        Optional<OptOutRecord> latest = tx.consent().latestOptOutRecord(phone);
        return latest.isPresent() ? optsOut(latest.get()) : !ErasedNumbers.erasedOptOuts(tx, List.of(phone)).isEmpty();
    }

    /**
     * Which of many numbers are opted out, with one look-up for all of them.
     *
     * @param tx the transaction
     * @param phones the numbers
     * @return the numbers that may not be texted now
     */
    public static Set<PhoneNumber> optedOut(StoreTransaction tx, Collection<PhoneNumber> phones) {
        if (phones.isEmpty()) {
            return Set.of();
        }
        Set<PhoneNumber> optedOut = new HashSet<>();
        Map<PhoneNumber, OptOutRecord> latestRecords = tx.consent().latestOptOutRecords(List.copyOf(phones));
        latestRecords.forEach((phone, latest) -> {
            if (optsOut(latest)) {
                optedOut.add(phone);
            }
        });
        // numbers without a record: opted out if erased while opted out (F40)
        optedOut.addAll(ErasedNumbers.erasedOptOuts(tx,
                phones.stream().filter(phone -> !latestRecords.containsKey(phone)).distinct().toList()));
        return optedOut;
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
        if (record.action() == OptOutAction.OPTED_IN) {
            // the new record decides from now on; the erased opt-out it supersedes is not kept (F40)
            ErasedNumbers.forgetOptOut(step.tx, record.phone());
        }
        step.publish(new InboxEvent.SubscriptionChanged(step.tx.accountId(), record));
    }
}
