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
}
