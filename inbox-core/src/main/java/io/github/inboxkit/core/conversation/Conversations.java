package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Use cases of a person working in one conversation: open it, read it, search it, mark it read or a
 * message unread, close and reopen it, and record outbound messages in it.
 *
 * <p>Every method is one transaction scoped to the account; an id of another account behaves
 * exactly as a missing id (F33). Thread-safe.
 */
public interface Conversations {

    /**
     * Reads a conversation.
     *
     * @param account the account
     * @param conversation the conversation's id
     * @return the conversation
     * @throws NoSuchConversationException if the account has no such conversation
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     */
    Conversation get(AccountId account, ConversationId conversation);

    /**
     * Finds the thread with a phone number.
     *
     * @param account the account
     * @param phone the number in any common formatting (read with the account's default region)
     * @return the conversation, if there is one
     * @throws io.github.inboxkit.core.phone.InvalidPhoneNumberException if it is not a phone number
     */
    Optional<Conversation> findByPhone(AccountId account, String phone);

    /**
     * Starts a new message to a number (F4): resumes the existing thread with that number, or
     * starts a new one. There is one thread per account and number, whatever sender ID is used.
     *
     * @param account the account
     * @param phone the number in any common formatting
     * @return the conversation
     * @throws io.github.inboxkit.core.phone.InvalidPhoneNumberException if it is not a phone number
     */
    Conversation startOrResume(AccountId account, String phone);

    /**
     * Reads the newest messages of a conversation within the retention window.
     *
     * @param account the account
     * @param conversation the conversation
     * @param limit the most messages, 1 to 500
     * @return the messages, oldest first (as a thread is shown)
     * @throws NoSuchConversationException if the account has no such conversation
     */
    List<Message> messages(AccountId account, ConversationId conversation, int limit);

    /**
     * Reads older messages of a conversation, for scrolling back.
     *
     * @param account the account
     * @param conversation the conversation
     * @param beforeSequence the sequence of the oldest message already shown
     * @param limit the most messages, 1 to 500
     * @return the messages before it, oldest first
     * @throws NoSuchConversationException if the account has no such conversation
     */
    List<Message> messagesBefore(AccountId account, ConversationId conversation, long beforeSequence, int limit);

    /**
     * Searches the messages of a conversation (F15), e.g. for a reference number or an email
     * address. The text is plain data, ignoring case.
     *
     * @param account the account
     * @param conversation the conversation
     * @param text what to look for, 1 to 200 characters
     * @return up to 100 matching messages within the retention window, newest first
     * @throws NoSuchConversationException if the account has no such conversation
     * @throws io.github.inboxkit.core.text.MalformedTextException if the text holds the NUL
     *     character or an unpaired surrogate (field {@code "text"})
     */
    List<Message> search(AccountId account, ConversationId conversation, String text);

    /**
     * Records an outbound message that left through another channel than InboxKit's sending
     * pipeline (a message the host's own system sent, an import) in the contact's thread (creating
     * it if needed). It counts as activity, reopens a closed conversation (F3) and never raises
     * unread counts. Nothing is queued and no carrier is called: to send a message, use {@code
     * InboxKit.sending().send(...)}, which records it in its thread by the same rules and then
     * hands it to the dispatcher.
     *
     * @param account the account
     * @param message the message
     * @return the stored message
     * @throws io.github.inboxkit.core.contact.ContactOptedOutException if the number opted out (F18)
     * @throws io.github.inboxkit.core.blocking.ContactBlockedException if the account blocked the
     *     number (F38)
     * @throws io.github.inboxkit.core.account.NoSuchUserException if the author is not a user of the
     *     account
     * @throws io.github.inboxkit.core.InvalidValueException if the status is not an outbound one
     * @throws io.github.inboxkit.core.text.MalformedTextException if the text or broadcast label
     *     holds the NUL character or an unpaired surrogate
     */
    Message recordOutbound(AccountId account, NewOutboundMessage message);

    /**
     * Marks every message of a conversation read (F11).
     *
     * @param account the account
     * @param conversation the conversation
     * @return the conversation, with unread count 0
     * @throws NoSuchConversationException if the account has no such conversation
     */
    Conversation markRead(AccountId account, ConversationId conversation);

    /**
     * Marks one inbound message unread again (F20).
     *
     * @param account the account
     * @param message the message
     * @return the message, unread
     * @throws NoSuchMessageException if the account has no such message
     * @throws NotAnInboundMessageException if the message is outbound
     */
    Message markUnread(AccountId account, MessageId message);

    /**
     * Closes a conversation (F2, F16); closing a closed one changes nothing.
     *
     * @param account the account
     * @param conversation the conversation
     * @return the conversation, CLOSED
     * @throws NoSuchConversationException if the account has no such conversation
     */
    Conversation close(AccountId account, ConversationId conversation);

    /**
     * Reopens a conversation (F2, F16); reopening an open one changes nothing.
     *
     * @param account the account
     * @param conversation the conversation
     * @return the conversation, OPEN
     * @throws NoSuchConversationException if the account has no such conversation
     */
    Conversation reopen(AccountId account, ConversationId conversation);

    /**
     * Writes a private note in a conversation (F36): text for the team, never sent to the contact.
     * It changes no unread count, no badge and no place in the inbox order, and does not reopen a
     * closed conversation; it appears in {@link #thread} after the thread's current last message,
     * with its author, and is found by {@link #searchThread}. Each {@code @initials} in the text
     * (the {@link io.github.inboxkit.core.account.User#initials() initials} of a team member,
     * ignoring case, e.g. {@code @JD}) mentions every team member with those initials: each gets one
     * {@link io.github.inboxkit.core.event.InboxEvent.NoteMentioned} event after the commit, besides
     * the {@link io.github.inboxkit.core.event.InboxEvent.NoteAdded} event; initials no team member
     * has are ignored. Retention purges notes with their thread.
     *
     * <p>Thread-safe: the note is stored in one transaction, under the conversation's lock.
     *
     * @param account the account
     * @param conversation the conversation
     * @param author the team member writing it
     * @param text the note, 1 to {@value Note#MAX_TEXT_LENGTH} characters, not only spaces
     * @return the stored note, with the users it mentions
     * @throws NoSuchConversationException if the account has no such conversation
     * @throws io.github.inboxkit.core.account.NoSuchUserException if the author is not a user of the
     *     account
     * @throws io.github.inboxkit.core.InvalidValueException if the text is blank or too long (field
     *     {@code "text"})
     * @throws io.github.inboxkit.core.text.MalformedTextException if the text holds the NUL character
     *     or an unpaired surrogate (field {@code "text"})
     */
    Note addNote(AccountId account, ConversationId conversation, UserId author, String text);

    /**
     * Reads the newest entries of a conversation's thread as a team member sees it: its messages
     * within the retention window and the private notes between them (F36), oldest first. Each note
     * follows the message that was the thread's last when it was written; notes written after the
     * same message keep the order they were written in.
     *
     * <p>Thread-safe; one read of the store.
     *
     * @param account the account
     * @param conversation the conversation
     * @param limit the most entries, messages and notes together, 1 to 500
     * @return the newest entries, oldest first
     * @throws NoSuchConversationException if the account has no such conversation
     * @throws io.github.inboxkit.core.InvalidValueException if the limit is out of range
     */
    List<ThreadEntry> thread(AccountId account, ConversationId conversation, int limit);

    /**
     * Searches a conversation's thread, its messages and its private notes (F15, F36), ignoring
     * case, within the retention window.
     *
     * <p>Thread-safe; one read of the store.
     *
     * @param account the account
     * @param conversation the conversation
     * @param text what to look for, 1 to 200 characters
     * @return up to 100 matching messages and up to 100 matching notes, newest first
     * @throws NoSuchConversationException if the account has no such conversation
     * @throws io.github.inboxkit.core.text.MalformedTextException if the text holds the NUL
     *     character or an unpaired surrogate (field {@code "text"})
     */
    List<ThreadEntry> searchThread(AccountId account, ConversationId conversation, String text);
}
