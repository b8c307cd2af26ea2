package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.compliance.HelpKeywords;
import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.compliance.RevocationDeadline;
import io.github.inboxkit.core.compliance.RevocationDetector;
import io.github.inboxkit.core.compliance.RevocationKind;
import io.github.inboxkit.core.compliance.RevocationPolicy;
import io.github.inboxkit.core.compliance.RevocationVerdict;
import io.github.inboxkit.core.contact.ConsentChange;
import io.github.inboxkit.core.contact.ConsentImport;
import io.github.inboxkit.core.contact.ImmutableOptOutRecord;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.contact.NoSuchRevocationReviewException;
import io.github.inboxkit.core.contact.RevocationDecision;
import io.github.inboxkit.core.contact.RevocationReview;
import io.github.inboxkit.core.contact.RevocationReviewId;
import io.github.inboxkit.core.contact.RevocationReviewState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.StoreTransaction;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The subscription rules of F18, F42, F43 and F44: keywords and revocations on inbound messages,
 * HELP replies and confirmations, manual changes and imports, all appended to the consent ledger
 * ({@code tx.consent()}), and the one rule
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

    /** How long after a HELP reply to a number another HELP from it gets none (F42): no loop with an autoresponder. */
    static final Duration HELP_REPLY_INTERVAL = Duration.ofMinutes(10);

    /** The most recent messages of a thread read to find a HELP reply within {@link #HELP_REPLY_INTERVAL}. */
    private static final int HELP_REPLY_LOOK_BACK = 50;

    private static final RevocationDetector DETECTOR = RevocationDetector.standard();

    private static final HelpKeywords HELP = HelpKeywords.standard();

    /**
     * Applies what an inbound message says about consent (F18, F42, F44), in this order: an opt-out
     * keyword of the account; an opt-in keyword (a re-subscription, confirmed); one of the seven
     * mandatory words in a short reply, or a revocation in natural language under the account's
     * policy (both read by the revocation detector only when the account applies opt-out
     * keywords); a HELP keyword, answered with the account's help text. An opt-out is confirmed
     * once, when it changes the number's state.
     */
    static void applyKeywords(Step step, AccountSettings settings, Message inbound) {
        PhoneNumber phone = inbound.contactPhone();
        if (settings.autoOptOut()) {
            Optional<String> keyword = Keywords.match(inbound.text(), settings.optOutKeywords());
            if (keyword.isPresent()) {
                if (!isOptedOut(step.tx, phone)) {
                    optOut(step, settings, inbound, keywordRecord(step, inbound, keyword.get(), OptOutAction.OPTED_OUT)
                            .build());
                }
                return;
            }
        }
        if (settings.autoOptIn()) {
            Optional<String> keyword = Keywords.match(inbound.text(), settings.optInKeywords());
            if (keyword.isPresent()) {
                if (isOptedOut(step.tx, phone)) {
                    record(step, keywordRecord(step, inbound, keyword.get(), OptOutAction.OPTED_IN)
                            .change(ConsentChange.RESUBSCRIPTION).build());
                    confirm(step, settings, inbound, MessageCategory.OPT_IN_CONFIRMATION);
                }
                return;
            }
        }
        if (settings.autoOptOut()) {
            RevocationVerdict verdict = DETECTOR.detect(inbound.text());
            if (verdict.kind() == RevocationKind.MANDATORY_KEYWORD) {
                if (!isOptedOut(step.tx, phone)) {
                    optOut(step, settings, inbound, keywordRecord(step, inbound, verdict.matchedKeyword().orElseThrow(),
                            OptOutAction.OPTED_OUT).ruleId(verdict.ruleId()).build());
                }
                return;
            }
            if (verdict.kind() == RevocationKind.NATURAL_LANGUAGE
                    && settings.revocationPolicy() == RevocationPolicy.REVIEW) {
                flagForReview(step, inbound, verdict.ruleId());
                return;
            }
            if (verdict.kind() == RevocationKind.NATURAL_LANGUAGE
                    && settings.revocationPolicy() == RevocationPolicy.OPT_OUT_AT_ONCE) {
                if (!isOptedOut(step.tx, phone)) {
                    optOut(step, settings, inbound, OptOutRecord.builder()
                            .phone(phone)
                            .action(OptOutAction.OPTED_OUT)
                            .source(OptOutSource.NATURAL_LANGUAGE)
                            .causedByMessage(inbound.id())
                            .ruleId(verdict.ruleId())
                            .recordedAt(step.now)
                            .build());
                }
                return;
            }
        }
        if (settings.consentReplies().helpText().isPresent() && HELP.matches(inbound.text())) {
            answerHelp(step, settings, inbound);
        }
    }

    /**
     * Flags a natural-language revocation for an agent's review (F44), once per number while its
     * review is open, and not for a number already opted out. The deadline counts weekdays in UTC.
     */
    private static void flagForReview(Step step, Message inbound, String ruleId) {
        PhoneNumber phone = inbound.contactPhone();
        if (isOptedOut(step.tx, phone) || step.tx.consent().findOpenRevocationReview(phone).isPresent()) {
            return;
        }
        RevocationReview review = new RevocationReview(RevocationReviewId.random(), phone, inbound.conversationId(),
                inbound.id(), ruleId, step.now, RevocationDeadline.after(step.now, ZoneOffset.UTC),
                RevocationReviewState.OPEN, Optional.empty(), Optional.empty());
        step.tx.consent().insertRevocationReview(review);
        step.publish(new InboxEvent.RevocationFlagged(step.tx.accountId(), review));
    }

    /**
     * An agent decides a revocation review (F44): opting out appends a revocation by the agent
     * (confirmed, if the number was not opted out already); dismissing appends the decision with
     * the number's state unchanged. A review decided already is returned as it is.
     */
    static RevocationReview resolve(Step step, RevocationReviewId id, RevocationDecision decision, UserId by) {
        RevocationReview review = step.tx.consent().findRevocationReview(id)
                .orElseThrow(() -> new NoSuchRevocationReviewException(id));
        if (!review.state().isOpen()) {
            return review;
        }
        RevocationReview decided = review.resolved(decision == RevocationDecision.OPT_OUT
                ? RevocationReviewState.OPTED_OUT : RevocationReviewState.DISMISSED, step.now, Optional.of(by));
        if (!step.tx.consent().resolveRevocationReview(decided)) {
            return step.tx.consent().findRevocationReview(id).orElseThrow();
        }
        boolean optedOut = isOptedOut(step.tx, review.phone());
        ImmutableOptOutRecord.Builder entry = OptOutRecord.builder()
                .phone(review.phone())
                .source(OptOutSource.USER)
                .changedBy(by)
                .causedByMessage(review.messageId())
                .ruleId(review.ruleId())
                .recordedAt(step.now);
        if (decision == RevocationDecision.DISMISS) {
            record(step, entry.action(optedOut ? OptOutAction.OPTED_OUT : OptOutAction.OPTED_IN)
                    .change(ConsentChange.REVOCATION_DISMISSED).build());
        } else if (!optedOut) {
            record(step, entry.action(OptOutAction.OPTED_OUT).change(ConsentChange.REVOCATION).build());
            confirm(step, step.account().settings(), review.phone(), Optional.empty(),
                    MessageCategory.OPT_OUT_CONFIRMATION);
        }
        return decided;
    }

    /**
     * Opts out the numbers of the open reviews whose deadline has come (F44), each once across
     * nodes: the conditional decision of the review ({@code resolveRevocationReview}) lets one
     * transaction win, and only the winner appends the ledger's entry.
     *
     * @return the reviews this call decided
     */
    static List<RevocationReview> honourOverdue(Step step, int limit) {
        List<RevocationReview> decided = new ArrayList<>();
        // due_at <= now: the bound is exclusive, and stores keep microseconds
        for (RevocationReview review : step.tx.consent().listOpenRevocationReviews(step.now.plusNanos(1_000), limit)) {
            RevocationReview overdue = review.resolved(RevocationReviewState.OPTED_OUT_AT_DEADLINE, step.now,
                    Optional.empty());
            if (!step.tx.consent().resolveRevocationReview(overdue)) {
                continue;
            }
            decided.add(overdue);
            step.publish(new InboxEvent.RevocationReviewOverdue(step.tx.accountId(), overdue));
            if (!isOptedOut(step.tx, review.phone())) {
                record(step, OptOutRecord.builder()
                        .phone(review.phone())
                        .action(OptOutAction.OPTED_OUT)
                        .source(OptOutSource.NATURAL_LANGUAGE)
                        .actor("review-deadline")
                        .causedByMessage(review.messageId())
                        .ruleId(review.ruleId())
                        .recordedAt(step.now)
                        .build());
                confirm(step, step.account().settings(), review.phone(), Optional.empty(),
                        MessageCategory.OPT_OUT_CONFIRMATION);
            }
        }
        return decided;
    }

    /**
     * Whether the general path must see an inbound text (the one-statement path of {@link
     * InboundFastPath} applies no consent rule): a keyword, a revocation the detector reads while
     * the account applies opt-out keywords, or a HELP request the account answers.
     */
    static boolean mayChangeConsent(String text, AccountSettings settings) {
        if (settings.autoOptOut() || settings.autoOptIn()) {
            String normalized = Keywords.normalizeMessage(text); // once for both sets
            if (settings.autoOptOut() && Keywords.matchNormalized(normalized, settings.optOutKeywords()).isPresent()
                    || settings.autoOptIn() && Keywords.matchNormalized(normalized, settings.optInKeywords()).isPresent()) {
                return true;
            }
        }
        if (settings.autoOptOut()) {
            RevocationVerdict verdict = DETECTOR.detect(text);
            if (verdict.kind() == RevocationKind.MANDATORY_KEYWORD || verdict.kind() == RevocationKind.NATURAL_LANGUAGE
                    && settings.revocationPolicy() != RevocationPolicy.OFF) {
                return true;
            }
        }
        return settings.consentReplies().helpText().isPresent() && HELP.matches(text);
    }

    static OptOutRecord byUser(Step step, PhoneNumber phone, UserId user, OptOutAction action) {
        boolean resubscription = action == OptOutAction.OPTED_IN && isOptedOut(step.tx, phone);
        ImmutableOptOutRecord.Builder record = OptOutRecord.builder()
                .phone(phone)
                .action(action)
                .source(OptOutSource.USER)
                .changedBy(user)
                .recordedAt(step.now);
        if (resubscription) {
            record.change(ConsentChange.RESUBSCRIPTION);
        }
        OptOutRecord built = record(step, record.build());
        AccountSettings settings = step.account().settings();
        confirm(step, settings, phone, Optional.empty(), action == OptOutAction.OPTED_OUT
                ? MessageCategory.OPT_OUT_CONFIRMATION : MessageCategory.OPT_IN_CONFIRMATION);
        return built;
    }

    /**
     * Appends changes the host imports (F43, source {@code IMPORT}): each number's entry, in order,
     * whatever its state before; nothing is sent.
     */
    static List<OptOutRecord> imported(Step step, List<ConsentImport.Entry> entries, String actor) {
        List<OptOutRecord> records = new ArrayList<>(entries.size());
        for (ConsentImport.Entry entry : entries) {
            OptOutRecord record = OptOutRecord.builder()
                    .phone(entry.phone())
                    .action(entry.action())
                    .source(OptOutSource.IMPORT)
                    .actor(actor)
                    .recordedAt(step.now)
                    .build();
            record(step, record);
            records.add(record);
        }
        return records;
    }

    private static void optOut(Step step, AccountSettings settings, Message inbound, OptOutRecord record) {
        record(step, record);
        confirm(step, settings, inbound, MessageCategory.OPT_OUT_CONFIRMATION);
    }

    private static void confirm(Step step, AccountSettings settings, Message inbound, MessageCategory category) {
        confirm(step, settings, inbound.contactPhone(), inbound.senderId(), category);
    }

    private static void confirm(Step step, AccountSettings settings, PhoneNumber phone, Optional<String> from,
            MessageCategory category) {
        settings.consentReplies().textFor(category)
                .ifPresent(text -> step.replies.queue(step, phone, from, category, text));
    }

    /**
     * Answers a HELP request with the account's help text, unless the number is opted out (the
     * opt-out confirmation is the only message an opted-out number gets; the help text is no
     * exception) or its thread got the help text in the last {@link #HELP_REPLY_INTERVAL}.
     */
    private static void answerHelp(Step step, AccountSettings settings, Message inbound) {
        String text = settings.consentReplies().helpText().orElseThrow();
        if (isOptedOut(step.tx, inbound.contactPhone())) {
            return;
        }
        boolean answeredLately = step.tx.messages().listMessages(inbound.conversationId(), inbound.sequence(),
                        step.now.minus(HELP_REPLY_INTERVAL), HELP_REPLY_LOOK_BACK).stream()
                .anyMatch(message -> message.direction() == Direction.OUTBOUND && message.text().equals(text));
        if (!answeredLately) {
            step.replies.queue(step, inbound.contactPhone(), inbound.senderId(), MessageCategory.HELP_REPLY, text);
        }
    }

    private static ImmutableOptOutRecord.Builder keywordRecord(Step step, Message inbound, String keyword,
            OptOutAction action) {
        return OptOutRecord.builder()
                .phone(inbound.contactPhone())
                .action(action)
                .source(OptOutSource.KEYWORD)
                .causedByMessage(inbound.id())
                .keyword(keyword)
                .recordedAt(step.now);
    }

    private static OptOutRecord record(Step step, OptOutRecord record) {
        OptOutRecord appended = append(step.tx, record);
        if (appended.action() == OptOutAction.OPTED_IN) {
            // the new record decides from now on; the erased opt-out it supersedes is not kept (F40)
            ErasedNumbers.forgetOptOut(step.tx, appended.phone());
        }
        step.publish(new InboxEvent.SubscriptionChanged(step.tx.accountId(), appended));
        return appended;
    }

    /**
     * Appends a record to its number's ledger (F43), at a time no earlier than the number's latest
     * record: a use case takes its time when it starts, and one that waited for a concurrent change
     * of the same number appends after it, so its own time may be the earlier one. The ledger's
     * times then still follow its order.
     *
     * @param tx the transaction
     * @param record the record, at its use case's time
     * @return the record as appended
     */
    public static OptOutRecord append(StoreTransaction tx, OptOutRecord record) {
        OptOutRecord appended = tx.consent().latestOptOutRecord(record.phone())
                .filter(latest -> latest.recordedAt().isAfter(record.recordedAt()))
                .<OptOutRecord>map(latest -> OptOutRecord.builder().from(record).recordedAt(latest.recordedAt()).build())
                .orElse(record);
        tx.consent().appendOptOutRecord(appended);
        return appended;
    }
}
