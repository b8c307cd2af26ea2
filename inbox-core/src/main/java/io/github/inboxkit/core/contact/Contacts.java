package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.util.List;
import java.util.Optional;

/**
 * Use cases of a person working with contacts: save a contact from a conversation, edit it, and
 * unsubscribe or re-subscribe a number by hand (F17, F18).
 *
 * <p>Every method is one transaction scoped to the account; thread-safe.
 */
public interface Contacts {

    /**
     * Saves the number of a conversation as a contact (F17).
     *
     * @param account the account
     * @param conversation the conversation
     * @param details names and custom fields
     * @return the saved contact
     * @throws io.github.inboxkit.core.conversation.NoSuchConversationException if the account has no
     *     such conversation
     * @throws ContactAlreadyExistsException if the number is a saved contact already
     */
    Contact createFromConversation(AccountId account, ConversationId conversation, ContactDetails details);

    /**
     * Saves a number as a contact (F17).
     *
     * @param account the account
     * @param phone the number in any common formatting; stored in E.164 form
     * @param details names and custom fields
     * @return the saved contact
     * @throws io.github.inboxkit.core.phone.InvalidPhoneNumberException if it is not a phone number
     * @throws ContactAlreadyExistsException if the number is a saved contact already
     */
    Contact create(AccountId account, String phone, ContactDetails details);

    /**
     * Replaces a contact's names and custom fields (F17).
     *
     * @param account the account
     * @param contact the contact
     * @param details the new details
     * @return the saved contact
     * @throws NoSuchContactException if the account has no such contact
     */
    Contact update(AccountId account, ContactId contact, ContactDetails details);

    /**
     * Reads a contact.
     *
     * @param account the account
     * @param contact the contact
     * @return the contact
     * @throws NoSuchContactException if the account has no such contact
     */
    Contact get(AccountId account, ContactId contact);

    /**
     * Fills one of the account's saved templates ({@link
     * io.github.inboxkit.core.account.AccountSettings#templates()}) with a contact's merge fields
     * ({@link Contact#mergeFields()}) and counts its segments (F23). Changes nothing.
     *
     * @param account the account
     * @param contact the contact whose fields fill the template
     * @param templateName the template's name in the account settings
     * @return the text and its segment count
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     * @throws NoSuchContactException if the account has no such contact
     * @throws io.github.inboxkit.core.template.NoSuchTemplateException if the account has no
     *     template of that name
     * @throws io.github.inboxkit.core.template.MissingMergeFieldException if a field without
     *     fallback has no value for this contact; it names every such field
     */
    io.github.inboxkit.core.template.RenderedTemplate renderTemplate(AccountId account, ContactId contact,
            String templateName);

    /**
     * Finds the contact of a number.
     *
     * @param account the account
     * @param phone the number in any common formatting
     * @return the contact, if the number is saved
     * @throws io.github.inboxkit.core.phone.InvalidPhoneNumberException if it is not a phone number
     */
    Optional<Contact> findByPhone(AccountId account, String phone);

    /**
     * Unsubscribes a number by hand (F18); does nothing if it is opted out already.
     *
     * @param account the account
     * @param phone the number
     * @param by the user doing it
     * @return the number's latest subscription record
     * @throws io.github.inboxkit.core.account.NoSuchUserException if the user is not of the account
     */
    OptOutRecord unsubscribe(AccountId account, PhoneNumber phone, UserId by);

    /**
     * Re-subscribes a number by hand (F18); does nothing if it is not opted out.
     *
     * @param account the account
     * @param phone the number
     * @param by the user doing it
     * @return the number's latest subscription record
     * @throws io.github.inboxkit.core.account.NoSuchUserException if the user is not of the account
     */
    Optional<OptOutRecord> resubscribe(AccountId account, PhoneNumber phone, UserId by);

    /**
     * Tells whether a number opted out (F18).
     *
     * @param account the account
     * @param phone the number
     * @return true if nothing may be sent to it
     */
    boolean isOptedOut(AccountId account, PhoneNumber phone);

    /**
     * Reads a number's subscription history (F18): every opt-out and opt-in with its time and cause.
     *
     * @param account the account
     * @param phone the number
     * @return the history, oldest first
     */
    List<OptOutRecord> subscriptionHistory(AccountId account, PhoneNumber phone);

    /**
     * Reads a contact's consent ledger (F43), as proof of consent: every entry of its number, oldest
     * first, with its kind, source, actor, causing message and time. Entries are only appended; the
     * retention purge keeps them past the inbox's window (see {@code RetentionPolicy}).
     *
     * @param account the account
     * @param contact the contact
     * @return the ledger of the contact's number, oldest first
     * @throws NoSuchContactException if the contact is not of the account
     */
    List<OptOutRecord> consentHistory(AccountId account, ContactId contact);

    /**
     * Appends consent the host collected elsewhere to the ledger (F43), in one transaction: one
     * entry per number, of source {@link OptOutSource#IMPORT}, with the import's actor, whatever the
     * number's state before (the imported state becomes its current state). Nothing is sent: no
     * confirmation goes out for an import.
     *
     * @param account the account
     * @param consent the numbers and their states
     * @return the entries appended, in order
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     */
    List<OptOutRecord> importConsent(AccountId account, ConsentImport consent);

    /**
     * Lists the open revocation reviews (F44): messages the detector read as revocations in natural
     * language under the account's {@code REVIEW} policy, waiting for an agent, earliest deadline
     * first. This is the "revocation review due" listing; {@link RevocationReview#isOverdue} tells
     * the ones past their deadline that {@link #honourOverdueRevocations} has not reached yet.
     *
     * @param account the account
     * @param limit the most reviews to return, 1 to 500
     * @return the open reviews
     * @throws io.github.inboxkit.core.InvalidValueException if {@code limit} is out of range
     */
    List<RevocationReview> revocationReviews(AccountId account, int limit);

    /**
     * An agent decides a revocation review (F44), with an entry in the consent ledger: {@link
     * RevocationDecision#OPT_OUT} opts the number out (a revocation by the agent, confirmed as any
     * opt-out); {@link RevocationDecision#DISMISS} records the decision and leaves the number's
     * consent as it is. A review already decided (by another agent, or at its deadline) is
     * returned as it is, unchanged.
     *
     * @param account the account
     * @param review the review
     * @param decision opt out or dismiss
     * @param by the agent
     * @return the review as it now stands
     * @throws NoSuchRevocationReviewException if the account has no such review
     * @throws io.github.inboxkit.core.account.NoSuchUserException if the user is not of the account
     */
    RevocationReview resolveRevocationReview(AccountId account, RevocationReviewId review, RevocationDecision decision,
            UserId by);

    /**
     * Opts out the numbers of the revocation reviews still open at their deadline (F44), each once
     * even when several nodes call it at the same time, with an entry of source {@link
     * OptOutSource#NATURAL_LANGUAGE} and actor {@code "review-deadline"} in the ledger, a {@code
     * RevocationReviewOverdue} event and the opt-out confirmation. The host calls it periodically
     * (every few minutes, beside the retention purge); at most 500 reviews per call.
     *
     * @param account the account
     * @return the reviews this call decided
     */
    List<RevocationReview> honourOverdueRevocations(AccountId account);
}
