package io.github.inboxkit.jdbc.internal;

import static io.github.inboxkit.jdbc.internal.RowColumns.column;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.conversation.AssignmentChange;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.AccountTransaction;
import io.github.inboxkit.core.store.ConversationListing;
import io.github.inboxkit.core.store.SearchTerm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * One use case's transaction on the SQL schema: every statement filters by the transaction's
 * account, which leads every key and index (invariant 6), so that an id of another account reads
 * as a missing row.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
class JdbiAccountTransaction implements AccountTransaction {

    private static final String CONVERSATION_COLUMNS = "c.conversation_id, c.phone_e164, c.state, c.assignee_id,"
            + " c.unread_count, c.last_activity_at, c.preview, c.last_message_sequence, c.created_at";
    static final String MESSAGE_COLUMNS = "message_id, conversation_id, sequence, phone_e164, direction,"
            + " body, media, sender_id, carrier_message_id, status, is_read, author_id, broadcast_label,"
            + " scheduled_for, carrier_received_at, created_at, text_repairs";
    private static final String CONTACT_COLUMNS =
            "contact_id, phone_e164, first_name, last_name, custom_fields, created_at, updated_at";

    final Handle handle;
    private final AccountId accountId;
    final String account;
    private final AccountCache accountCache;
    /** Whether many rows are written with one statement ({@code unnest}: PostgreSQL), not a batch. */
    final boolean setBased;
    private boolean accountWritten;

    JdbiAccountTransaction(Handle handle, AccountId accountId, AccountCache accountCache, boolean setBased) {
        this.handle = handle;
        this.accountId = accountId;
        this.account = accountId.value();
        this.accountCache = accountCache;
        this.setBased = setBased;
    }

    /** @return whether this transaction wrote the account row, so the cache must be invalidated */
    boolean accountWritten() {
        return accountWritten;
    }

    @Override
    public AccountId accountId() {
        return accountId;
    }

    // ----- accounts ---------------------------------------------------------------------------

    @Override
    public Optional<Account> findAccount() {
        if (!accountWritten) {
            Optional<Account> cached = accountCache.get(accountId);
            if (cached.isPresent()) {
                return cached;
            }
        }
        Optional<Account> found = run("find account", () -> handle
                .createQuery("SELECT name, settings, created_at FROM accounts WHERE account_id = :account")
                .bind("account", account)
                .map((RowMapper<Account>) (rs, ctx) -> Account.builder()
                        .id(accountId)
                        .name(rs.getString("name"))
                        .settings(Codecs.readSettings(rs.getString("settings")))
                        .createdAt(instant(rs, "created_at"))
                        .build())
                .findOne());
        if (!accountWritten) {
            found.ifPresent(value -> accountCache.put(accountId, value));
        }
        return found;
    }

    @Override
    public void insertAccount(Account value) {
        requireOwnAccount(value.id());
        accountWritten = true;
        run("insert account", () -> {
            handle.createUpdate("INSERT INTO accounts (account_id, name, settings, created_at)"
                            + " VALUES (:account, :name, :settings, :createdAt)")
                    .bind("account", account)
                    .bind("name", value.name())
                    .bind("settings", Codecs.writeSettings(value.settings()))
                    .bind("createdAt", time(value.createdAt()))
                    .execute();
            return handle.createUpdate("INSERT INTO account_counters (account_id) VALUES (:account)")
                    .bind("account", account)
                    .execute();
        });
    }

    @Override
    public void updateAccount(Account value) {
        requireOwnAccount(value.id());
        accountWritten = true;
        run("update account", () -> handle
                .createUpdate("UPDATE accounts SET name = :name, settings = :settings WHERE account_id = :account")
                .bind("account", account)
                .bind("name", value.name())
                .bind("settings", Codecs.writeSettings(value.settings()))
                .execute());
    }

    // ----- receiving numbers (F45) -------------------------------------------------------------

    @Override
    public List<String> ownedNumbers() {
        return run("list receiving numbers", () -> handle
                .createQuery("SELECT number FROM receiving_numbers WHERE account_id = :account ORDER BY number")
                .bind("account", account)
                .mapTo(String.class)
                .list());
    }

    @Override
    public Optional<AccountId> numberOwner(String number) {
        return run("find the owner of a receiving number", () -> JdbiInboxStore.numberOwner(handle, number));
    }

    @Override
    public void claimNumber(String number) {
        // the primary key on the number alone refuses a second owner, also one whose insert is not
        // committed yet: PostgreSQL makes this insert wait for it, then fails it (23505, a conflict)
        run("claim a receiving number", () -> handle
                .createUpdate("INSERT INTO receiving_numbers (number, account_id) VALUES (:number, :account)")
                .bind("number", number)
                .bind("account", account)
                .execute());
    }

    @Override
    public void releaseNumber(String number) {
        run("release a receiving number", () -> handle
                .createUpdate("DELETE FROM receiving_numbers WHERE number = :number AND account_id = :account")
                .bind("number", number)
                .bind("account", account)
                .execute());
    }

    // ----- users ------------------------------------------------------------------------------

    private static final RowMapper<User> USER = (rs, ctx) -> User.builder()
            .id(UserId.of(rs.getString("user_id")))
            .displayName(rs.getString("display_name"))
            .createdAt(instant(rs, "created_at"))
            .build();

    @Override
    public Optional<User> findUser(UserId id) {
        return run("find user", () -> handle
                .createQuery("SELECT user_id, display_name, created_at FROM users"
                        + " WHERE account_id = :account AND user_id = :user")
                .bind("account", account)
                .bind("user", id.value())
                .map(USER)
                .findOne());
    }

    @Override
    public Map<UserId, User> findUsers(Collection<UserId> ids) {
        return readByKeys("find users", "SELECT user_id, display_name, created_at FROM users"
                + " WHERE account_id = :account AND user_id IN (<keys>)", ids, UserId::value, USER, User::id);
    }

    @Override
    public List<User> listUsers() {
        return run("list users", () -> handle
                .createQuery("SELECT user_id, display_name, created_at FROM users"
                        + " WHERE account_id = :account ORDER BY user_id")
                .bind("account", account)
                .map(USER)
                .list());
    }

    @Override
    public void insertUser(User user) {
        run("insert user", () -> handle
                .createUpdate("INSERT INTO users (account_id, user_id, display_name, created_at)"
                        + " VALUES (:account, :user, :name, :createdAt)")
                .bind("account", account)
                .bind("user", user.id().value())
                .bind("name", user.displayName())
                .bind("createdAt", time(user.createdAt()))
                .execute());
    }

    @Override
    public void updateUser(User user) {
        run("update user", () -> handle
                .createUpdate("UPDATE users SET display_name = :name, created_at = :createdAt"
                        + " WHERE account_id = :account AND user_id = :user")
                .bind("account", account)
                .bind("user", user.id().value())
                .bind("name", user.displayName())
                .bind("createdAt", time(user.createdAt()))
                .execute());
    }

    // ----- contacts ---------------------------------------------------------------------------

    private static final RowMapper<Contact> CONTACT = (rs, ctx) -> Contact.builder()
            .id(new ContactId(rs.getObject("contact_id", UUID.class)))
            .phone(new PhoneNumber(rs.getString("phone_e164")))
            .firstName(Optional.ofNullable(rs.getString("first_name")))
            .lastName(Optional.ofNullable(rs.getString("last_name")))
            .customFields(Codecs.readCustomFields(rs.getString("custom_fields")))
            .createdAt(instant(rs, "created_at"))
            .updatedAt(instant(rs, "updated_at"))
            .build();

    @Override
    public Optional<Contact> findContact(ContactId id) {
        return run("find contact", () -> handle
                .createQuery("SELECT " + CONTACT_COLUMNS + " FROM contacts"
                        + " WHERE account_id = :account AND contact_id = :contact")
                .bind("account", account)
                .bind("contact", id.value())
                .map(CONTACT)
                .findOne());
    }

    @Override
    public Optional<Contact> findContactByPhone(PhoneNumber phone) {
        return run("find contact by phone", () -> handle
                .createQuery("SELECT " + CONTACT_COLUMNS + " FROM contacts"
                        + " WHERE account_id = :account AND phone_e164 = :phone")
                .bind("account", account)
                .bind("phone", phone.e164())
                .map(CONTACT)
                .findOne());
    }

    @Override
    public Map<PhoneNumber, Contact> findContactsByPhone(Collection<PhoneNumber> phones) {
        return readByKeys("find contacts by phone", "SELECT " + CONTACT_COLUMNS + " FROM contacts"
                + " WHERE account_id = :account AND phone_e164 IN (<keys>)", phones, PhoneNumber::e164, CONTACT,
                Contact::phone);
    }

    @Override
    public void insertContact(Contact contact) {
        run("insert contact", () -> handle
                .createUpdate("INSERT INTO contacts (account_id, contact_id, phone_e164, first_name, last_name,"
                        + " search_name, custom_fields, created_at, updated_at) VALUES (:account, :contact, :phone,"
                        + " :firstName, :lastName, :searchName, :customFields, :createdAt, :updatedAt)")
                .bind("account", account)
                .bind("contact", contact.id().value())
                .bind("phone", contact.phone().e164())
                .bind("firstName", contact.firstName().orElse(null))
                .bind("lastName", contact.lastName().orElse(null))
                .bind("searchName", searchName(contact))
                .bind("customFields", Codecs.writeCustomFields(contact.customFields()))
                .bind("createdAt", time(contact.createdAt()))
                .bind("updatedAt", time(contact.updatedAt()))
                .execute());
    }

    @Override
    public void updateContact(Contact contact) {
        run("update contact", () -> handle
                .createUpdate("UPDATE contacts SET phone_e164 = :phone, first_name = :firstName,"
                        + " last_name = :lastName, search_name = :searchName, custom_fields = :customFields,"
                        + " created_at = :createdAt, updated_at = :updatedAt"
                        + " WHERE account_id = :account AND contact_id = :contact")
                .bind("account", account)
                .bind("contact", contact.id().value())
                .bind("phone", contact.phone().e164())
                .bind("firstName", contact.firstName().orElse(null))
                .bind("lastName", contact.lastName().orElse(null))
                .bind("searchName", searchName(contact))
                .bind("customFields", Codecs.writeCustomFields(contact.customFields()))
                .bind("createdAt", time(contact.createdAt()))
                .bind("updatedAt", time(contact.updatedAt()))
                .execute());
    }

    private static String searchName(Contact contact) {
        return contact.fullName().map(name -> name.toLowerCase(Locale.ROOT)).orElse("");
    }

    // ----- subscription -----------------------------------------------------------------------

    private static final String OPT_OUT_COLUMNS =
            "phone_e164, action, source, cause_message_id, keyword, changed_by, recorded_at";

    private static final RowMapper<OptOutRecord> OPT_OUT = (rs, ctx) -> OptOutRecord.builder()
            .phone(new PhoneNumber(rs.getString("phone_e164")))
            .action(OptOutAction.valueOf(rs.getString("action")))
            .source(OptOutSource.valueOf(rs.getString("source")))
            .causedByMessage(Optional.ofNullable(rs.getObject("cause_message_id", UUID.class)).map(MessageId::new))
            .keyword(Optional.ofNullable(rs.getString("keyword")))
            .changedBy(Optional.ofNullable(rs.getString("changed_by")).map(UserId::of))
            .recordedAt(instant(rs, "recorded_at"))
            .build();

    @Override
    public Optional<OptOutRecord> latestOptOutRecord(PhoneNumber phone) {
        return run("read subscription", () -> handle
                .createQuery("SELECT " + OPT_OUT_COLUMNS + " FROM opt_out_records"
                        + " WHERE account_id = :account AND phone_e164 = :phone ORDER BY record_seq DESC LIMIT 1")
                .bind("account", account)
                .bind("phone", phone.e164())
                .map(OPT_OUT)
                .findOne());
    }

    @Override
    public Map<PhoneNumber, OptOutRecord> latestOptOutRecords(Collection<PhoneNumber> phones) {
        if (!setBased) {
            // every record of the batch's numbers, newest first per number: the first read is the latest
            return readByKeys("read subscriptions", "SELECT " + OPT_OUT_COLUMNS + " FROM opt_out_records"
                    + " WHERE account_id = :account AND phone_e164 IN (<keys>) ORDER BY phone_e164, record_seq DESC",
                    phones, PhoneNumber::e164, OPT_OUT, OptOutRecord::phone);
        }
        return lookUpEach("read subscriptions", LATEST_OPT_OUT_RECORDS, phones.stream().map(PhoneNumber::e164),
                OPT_OUT, OptOutRecord::phone);
    }

    /**
     * On PostgreSQL: the latest record of each number, one primary-key descent per number, whatever
     * the statistics say (see {@link #LOCK_CONVERSATIONS_BY_PHONE}), and only the latest read.
     */
    static final String LATEST_OPT_OUT_RECORDS = "SELECT r.* FROM unnest(CAST(:keys AS text[])) AS k(phone)"
            + " CROSS JOIN LATERAL (SELECT " + OPT_OUT_COLUMNS + " FROM opt_out_records x WHERE x.account_id = :account"
            + " AND x.phone_e164 = k.phone ORDER BY x.record_seq DESC LIMIT 1) r";

    /**
     * Runs a PostgreSQL statement that looks each of {@code keys} up (bound as the text array
     * {@code :keys}, distinct and sorted, so that locking lookups take their locks in one order) and
     * maps its rows by key, the first row of a key kept.
     */
    final <K, V> Map<K, V> lookUpEach(String operation, String sql, java.util.stream.Stream<String> keys,
            RowMapper<V> mapper, Function<V, K> keyOf) {
        List<String> sorted = keys.distinct().sorted().toList();
        if (sorted.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return firstRowPerKey(operation, () -> handle.createQuery(sql).bindArray("keys", String.class, sorted),
                mapper, keyOf);
    }

    /**
     * Runs a query of the transaction's account and maps its rows by key, in the order read, the
     * first row of a key kept: what {@link #readByKeys} and {@link #lookUpEach} share.
     */
    private <K, V> Map<K, V> firstRowPerKey(String operation, Supplier<Query> query, RowMapper<V> mapper,
            Function<V, K> keyOf) {
        Map<K, V> found = new LinkedHashMap<>();
        run(operation, () -> query.get().bind("account", account).map(mapper).list())
                .forEach(row -> found.putIfAbsent(keyOf.apply(row), row));
        return found;
    }

    @Override
    public void appendOptOutRecord(OptOutRecord record) {
        run("append subscription change", () -> bindNullableUuid(handle
                .createUpdate("INSERT INTO opt_out_records (account_id, phone_e164, action, source,"
                        + " cause_message_id, keyword, changed_by, recorded_at) VALUES (:account, :phone, :action,"
                        + " :source, :cause, :keyword, :changedBy, :recordedAt)")
                .bind("account", account)
                .bind("phone", record.phone().e164())
                .bind("action", record.action().name())
                .bind("source", record.source().name())
                .bind("keyword", record.keyword().orElse(null))
                .bind("changedBy", record.changedBy().map(UserId::value).orElse(null))
                .bind("recordedAt", time(record.recordedAt())),
                "cause", record.causedByMessage().map(MessageId::value))
                .execute());
    }

    @Override
    public List<OptOutRecord> optOutHistory(PhoneNumber phone) {
        return run("read subscription history", () -> handle
                .createQuery("SELECT " + OPT_OUT_COLUMNS + " FROM opt_out_records"
                        + " WHERE account_id = :account AND phone_e164 = :phone ORDER BY record_seq")
                .bind("account", account)
                .bind("phone", phone.e164())
                .map(OPT_OUT)
                .list());
    }

    // ----- conversations ----------------------------------------------------------------------

    /** Maps a conversation row; also the inbox page read model's ({@link JdbiInboxPageQuery}). */
    static final RowMapper<Conversation> CONVERSATION = (rs, ctx) -> Conversation.builder()
            .id(new ConversationId(rs.getObject("conversation_id", UUID.class)))
            .contactPhone(new PhoneNumber(rs.getString("phone_e164")))
            .state(ConversationState.valueOf(rs.getString("state")))
            .assignee(Optional.ofNullable(rs.getString("assignee_id")).map(UserId::of))
            .unreadCount(rs.getInt("unread_count"))
            .lastActivityAt(instant(rs, "last_activity_at"))
            .lastMessagePreview(rs.getString("preview"))
            .lastMessageSequence(rs.getLong("last_message_sequence"))
            .createdAt(instant(rs, "created_at"))
            .build();

    @Override
    public Optional<Conversation> findConversation(ConversationId id) {
        return conversationById(id, "");
    }

    @Override
    public Optional<Conversation> lockConversation(ConversationId id) {
        return conversationById(id, " FOR UPDATE");
    }

    private Optional<Conversation> conversationById(ConversationId id, String lock) {
        return run("read conversation", () -> handle
                .createQuery("SELECT " + CONVERSATION_COLUMNS + " FROM conversations c"
                        + " WHERE c.account_id = :account AND c.conversation_id = :conversation" + lock)
                .bind("account", account)
                .bind("conversation", id.value())
                .map(CONVERSATION)
                .findOne());
    }

    @Override
    public Optional<Conversation> lockConversationByPhone(PhoneNumber contactPhone) {
        return run("lock conversation by phone", () -> handle
                .createQuery("SELECT " + CONVERSATION_COLUMNS + " FROM conversations c"
                        + " WHERE c.account_id = :account AND c.phone_e164 = :phone FOR UPDATE")
                .bind("account", account)
                .bind("phone", contactPhone.e164())
                .map(CONVERSATION)
                .findOne());
    }

    /** What a conversation row holds, one list for single-row and set-based statements. */
    private static final RowColumns<Conversation> CONVERSATION_ROW = new RowColumns<>("conversations",
            column("conversation_id", "conversation", "uuid", c -> c.id().value()), List.of(
            column("phone_e164", "phone", "text", c -> c.contactPhone().e164()),
            column("phone_digits", "digits", "text", c -> c.contactPhone().digits()),
            column("state", "state", "text", c -> c.state().name()),
            column("assignee_id", "assignee", "text", c -> c.assignee().map(UserId::value).orElse(null)),
            column("unread_count", "unread", "integer", Conversation::unreadCount),
            column("has_unread", "hasUnread", "boolean", c -> c.unreadCount() > 0),
            column("last_activity_at", "lastActivity", "timestamptz", c -> time(c.lastActivityAt())),
            column("preview", "preview", "text", Conversation::lastMessagePreview),
            column("last_message_sequence", "sequence", "bigint", Conversation::lastMessageSequence),
            column("created_at", "createdAt", "timestamptz", c -> time(c.createdAt()))));

    @Override
    public void insertConversation(Conversation conversation) {
        writeOne("insert conversation", CONVERSATION_ROW, true, conversation);
    }

    @Override
    public void insertConversations(List<Conversation> conversations) {
        writeAll("insert conversations", CONVERSATION_ROW, true, conversations);
    }

    @Override
    public void updateConversation(Conversation conversation) {
        writeOne("update conversation", CONVERSATION_ROW, false, conversation);
    }

    @Override
    public void updateConversations(List<Conversation> conversations) {
        writeAll("update conversations", CONVERSATION_ROW, false, conversations);
    }

    /**
     * On PostgreSQL: one unique-key lookup per number, in the order given. Written as a lateral
     * lookup rather than {@code IN}, which PostgreSQL may plan, on tables it has not analysed yet
     * (the first broadcast of a new database), as a scan of the account's whole thread list for
     * every batch of a broadcast.
     */
    static final String LOCK_CONVERSATIONS_BY_PHONE = "SELECT " + CONVERSATION_COLUMNS
            + " FROM unnest(CAST(:keys AS text[])) AS k(phone) CROSS JOIN LATERAL (SELECT * FROM conversations x"
            + " WHERE x.account_id = :account AND x.phone_e164 = k.phone FOR UPDATE) c";

    @Override
    public Map<PhoneNumber, Conversation> lockConversationsByPhone(Collection<PhoneNumber> contactPhones) {
        if (!setBased) {
            // ordered, so that two transactions locking overlapping batches take their locks in one order
            return readByKeys("lock conversations by phone", "SELECT " + CONVERSATION_COLUMNS + " FROM conversations c"
                    + " WHERE c.account_id = :account AND c.phone_e164 IN (<keys>) ORDER BY c.phone_e164 FOR UPDATE",
                    contactPhones, PhoneNumber::e164, CONVERSATION, Conversation::contactPhone);
        }
        return lookUpEach("lock conversations by phone", LOCK_CONVERSATIONS_BY_PHONE,
                contactPhones.stream().map(PhoneNumber::e164), CONVERSATION, Conversation::contactPhone);
    }

    @Override
    public List<Conversation> listConversations(ConversationListing listing) {
        ListingSql sql = ListingSql.of(listing);
        return run("list conversations", () ->
                sql.bind(handle.createQuery(sql.text()), account, listing).map(CONVERSATION).list());
    }

    // ----- messages ---------------------------------------------------------------------------

    static final RowMapper<Message> MESSAGE = (rs, ctx) -> Message.builder()
            .id(new MessageId(rs.getObject("message_id", UUID.class)))
            .conversationId(new ConversationId(rs.getObject("conversation_id", UUID.class)))
            .sequence(rs.getLong("sequence"))
            .contactPhone(new PhoneNumber(rs.getString("phone_e164")))
            .direction(Direction.valueOf(rs.getString("direction")))
            .text(rs.getString("body"))
            .media(Codecs.readMedia(rs.getString("media")))
            .senderId(Optional.ofNullable(rs.getString("sender_id")))
            .carrierMessageId(Optional.ofNullable(rs.getString("carrier_message_id")))
            .status(MessageStatus.valueOf(rs.getString("status")))
            .read(rs.getBoolean("is_read"))
            .author(Optional.ofNullable(rs.getString("author_id")).map(UserId::of))
            .broadcastLabel(Optional.ofNullable(rs.getString("broadcast_label")))
            .scheduledFor(Optional.ofNullable(nullableInstant(rs, "scheduled_for")))
            .carrierReceivedAt(Optional.ofNullable(nullableInstant(rs, "carrier_received_at")))
            .createdAt(instant(rs, "created_at"))
            .textRepairs(Codecs.readTextRepairs(rs.getInt("text_repairs")))
            .build();

    @Override
    public Optional<Message> findMessage(MessageId id) {
        return run("find message", () -> handle
                .createQuery("SELECT " + MESSAGE_COLUMNS + " FROM messages"
                        + " WHERE account_id = :account AND message_id = :message")
                .bind("account", account)
                .bind("message", id.value())
                .map(MESSAGE)
                .findOne());
    }

    @Override
    public Optional<Message> findMessageByCarrierId(String carrierMessageId) {
        return run("find message by carrier id", () -> handle
                .createQuery("SELECT " + MESSAGE_COLUMNS + " FROM messages"
                        + " WHERE account_id = :account AND inbound_carrier_message_id = :carrierId")
                .bind("account", account)
                .bind("carrierId", carrierMessageId)
                .map(MESSAGE)
                .findOne());
    }

    /** What a message row holds, one list for single-row and set-based statements. */
    private static final RowColumns<Message> MESSAGE_ROW = new RowColumns<>("messages",
            column("message_id", "message", "uuid", m -> m.id().value()), List.of(
            column("conversation_id", "conversation", "uuid", m -> m.conversationId().value()),
            column("sequence", "sequence", "bigint", Message::sequence),
            column("phone_e164", "phone", "text", m -> m.contactPhone().e164()),
            column("direction", "direction", "text", m -> m.direction().name()),
            column("body", "body", "text", Message::text),
            column("body_lower", "bodyLower", "text", m -> m.text().toLowerCase(Locale.ROOT)),
            column("media", "media", "text", m -> Codecs.writeMedia(m.media())),
            column("sender_id", "senderId", "text", m -> m.senderId().orElse(null)),
            column("carrier_message_id", "carrierId", "text", m -> m.carrierMessageId().orElse(null)),
            column("status", "status", "text", m -> m.status().name()),
            column("is_read", "read", "boolean", Message::read),
            column("author_id", "author", "text", m -> m.author().map(UserId::value).orElse(null)),
            column("broadcast_label", "broadcast", "text", m -> m.broadcastLabel().orElse(null)),
            column("scheduled_for", "scheduledFor", "timestamptz",
                    m -> m.scheduledFor().map(JdbiAccountTransaction::time).orElse(null)),
            column("carrier_received_at", "carrierReceivedAt", "timestamptz",
                    m -> m.carrierReceivedAt().map(JdbiAccountTransaction::time).orElse(null)),
            column("created_at", "createdAt", "timestamptz", m -> time(m.createdAt())),
            column("text_repairs", "textRepairs", "smallint", m -> Codecs.writeTextRepairs(m.textRepairs()))));

    @Override
    public void insertMessage(Message message) {
        writeOne("insert message", MESSAGE_ROW, true, message);
    }

    @Override
    public void insertMessages(List<Message> messages) {
        writeAll("insert messages", MESSAGE_ROW, true, messages);
    }

    @Override
    public void updateMessage(Message message) {
        writeOne("update message", MESSAGE_ROW, false, message);
    }

    @Override
    public void updateMessages(List<Message> messages) {
        writeAll("update messages", MESSAGE_ROW, false, messages);
    }

    @Override
    public Map<MessageId, Message> findMessages(Collection<MessageId> ids) {
        return readByKeys("find messages", "SELECT " + MESSAGE_COLUMNS + " FROM messages"
                + " WHERE account_id = :account AND message_id IN (<keys>)", ids, MessageId::value, MESSAGE, Message::id);
    }

    /** Inserts or updates one row with the columns' single-row statement. */
    final <T> void writeOne(String operation, RowColumns<T> columns, boolean insert, T row) {
        run(operation, () -> columns.bind(handle.createUpdate(insert ? columns.rowInsert() : columns.rowUpdate())
                .bind("account", account), row).execute());
    }

    /**
     * Inserts or updates many rows: one set-based statement on PostgreSQL, else one batch of
     * single-row statements; a single row with {@link #writeOne}.
     */
    final <T> void writeAll(String operation, RowColumns<T> columns, boolean insert, List<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() == 1) {
            writeOne(operation, columns, insert, rows.get(0));
        } else if (setBased) {
            run(operation, () -> insert ? columns.insertAll(handle, account, rows)
                    : columns.updateAll(handle, account, rows));
        } else {
            batch(operation, insert ? columns.rowInsert() : columns.rowUpdate(), rows,
                    (batch, row) -> columns.bind(batch.bind("account", account), row));
        }
    }

    /**
     * Reads the rows of many keys with one statement: {@code sql} filters on the account and on
     * {@code IN (<keys>)}. Rows come into the map in the order read, the first read for a key
     * kept (so an {@code ORDER BY} can choose it); keys without a row are absent.
     *
     * @param operation what is done, for errors
     * @param sql the query
     * @param keys the keys; a key given twice is read once
     * @param bound a key's value as bound
     * @param mapper maps a row
     * @param keyOf a row's key
     * @return the rows by key
     */
    final <K, V> Map<K, V> readByKeys(String operation, String sql, Collection<K> keys, Function<K, Object> bound,
            RowMapper<V> mapper, Function<V, K> keyOf) {
        if (keys.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return firstRowPerKey(operation, () -> handle.createQuery(sql)
                .bindList("keys", keys.stream().map(bound).distinct().toList()), mapper, keyOf);
    }

    /** Sends one prepared statement for many rows: one round trip (per driver batch) instead of one per row. */
    final <T> void batch(String operation, String sql, List<T> rows,
            java.util.function.BiFunction<PreparedBatch, T, PreparedBatch> binder) {
        if (rows.isEmpty()) {
            return;
        }
        run(operation, () -> {
            PreparedBatch batch = handle.prepareBatch(sql);
            for (T row : rows) {
                binder.apply(batch, row).add();
            }
            return batch.execute();
        });
    }

    @Override
    public List<Message> listMessages(ConversationId conversation, long beforeSequence, Instant since, int limit) {
        return run("list messages", () -> handle
                .createQuery("SELECT " + MESSAGE_COLUMNS + " FROM messages"
                        + " WHERE account_id = :account AND conversation_id = :conversation"
                        + " AND sequence < :before AND created_at >= :since"
                        + " ORDER BY sequence DESC LIMIT :limit")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .bind("before", beforeSequence)
                .bind("since", time(since))
                .bind("limit", limit)
                .map(MESSAGE)
                .list());
    }

    @Override
    public List<Message> searchMessages(ConversationId conversation, String lowerCaseText, Instant since, int limit) {
        return run("search messages", () -> handle
                .createQuery("SELECT " + MESSAGE_COLUMNS + " FROM messages"
                        + " WHERE account_id = :account AND conversation_id = :conversation"
                        + " AND created_at >= :since AND " + LikePatterns.searchable("body_lower", lowerCaseText)
                        + " LIKE :pattern ESCAPE '!' ORDER BY sequence DESC LIMIT :limit")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .bind("since", time(since))
                .bind("pattern", LikePatterns.containing(lowerCaseText))
                .bind("limit", limit)
                .map(MESSAGE)
                .list());
    }

    @Override
    public int markInboundMessagesRead(ConversationId conversation) {
        return run("mark messages read", () -> handle
                .createUpdate("UPDATE messages SET is_read = TRUE WHERE account_id = :account"
                        + " AND conversation_id = :conversation AND direction = 'INBOUND' AND is_read = FALSE")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .execute());
    }

    // ----- assignment -------------------------------------------------------------------------

    @Override
    public void appendAssignmentChange(AssignmentChange change) {
        run("append assignment change", () -> handle
                .createUpdate("INSERT INTO assignment_changes (account_id, conversation_id, from_user_id,"
                        + " to_user_id, changed_by, changed_at) VALUES (:account, :conversation, :from, :to,"
                        + " :changedBy, :changedAt)")
                .bind("account", account)
                .bind("conversation", change.conversationId().value())
                .bind("from", change.previousAssignee().map(UserId::value).orElse(null))
                .bind("to", change.newAssignee().map(UserId::value).orElse(null))
                .bind("changedBy", change.changedBy().value())
                .bind("changedAt", time(change.changedAt()))
                .execute());
    }

    @Override
    public List<AssignmentChange> assignmentHistory(ConversationId conversation) {
        return run("read assignment history", () -> handle
                .createQuery("SELECT conversation_id, from_user_id, to_user_id, changed_by, changed_at"
                        + " FROM assignment_changes WHERE account_id = :account AND conversation_id = :conversation"
                        + " ORDER BY change_seq")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .map((RowMapper<AssignmentChange>) (rs, ctx) -> AssignmentChange.builder()
                        .conversationId(new ConversationId(rs.getObject("conversation_id", UUID.class)))
                        .previousAssignee(Optional.ofNullable(rs.getString("from_user_id")).map(UserId::of))
                        .newAssignee(Optional.ofNullable(rs.getString("to_user_id")).map(UserId::of))
                        .changedBy(UserId.of(rs.getString("changed_by")))
                        .changedAt(instant(rs, "changed_at"))
                        .build())
                .list());
    }

    // ----- counters ---------------------------------------------------------------------------

    @Override
    public InboxCounters counters() {
        return run("read counters", () -> handle
                .createQuery("SELECT open_conversations, closed_conversations, unread_conversations"
                        + " FROM account_counters WHERE account_id = :account")
                .bind("account", account)
                .map((rs, ctx) -> new InboxCounters(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .findOne()
                .orElseGet(InboxCounters::zero));
    }

    @Override
    public void adjustCounters(long openDelta, long closedDelta, long unreadConversationsDelta) {
        if (openDelta == 0 && closedDelta == 0 && unreadConversationsDelta == 0) {
            return;
        }
        int updated = run("adjust counters", () -> handle
                .createUpdate("UPDATE account_counters SET open_conversations = open_conversations + :open,"
                        + " closed_conversations = closed_conversations + :closed,"
                        + " unread_conversations = unread_conversations + :unread WHERE account_id = :account")
                .bind("account", account)
                .bind("open", openDelta)
                .bind("closed", closedDelta)
                .bind("unread", unreadConversationsDelta)
                .execute());
        if (updated == 0) {
            // counters of an account created before its counters row existed (or by a host's import)
            run("create counters", () -> handle
                    .createUpdate("INSERT INTO account_counters (account_id, open_conversations,"
                            + " closed_conversations, unread_conversations) VALUES (:account, :open, :closed, :unread)")
                    .bind("account", account)
                    .bind("open", openDelta)
                    .bind("closed", closedDelta)
                    .bind("unread", unreadConversationsDelta)
                    .execute());
        }
    }

    // ----- plumbing ---------------------------------------------------------------------------

    /** Binds a uuid or an untyped NULL (a NULL typed varchar is refused by PostgreSQL's uuid column). */
    static <S extends SqlStatement<S>> S bindNullableUuid(
            S statement, String name, Optional<UUID> value) {
        return value.isPresent() ? statement.bind(name, value.get()) : statement.bindNull(name, java.sql.Types.OTHER);
    }

    private void requireOwnAccount(AccountId id) {
        if (!accountId.equals(id)) {
            throw new IllegalArgumentException("the account's id must be the transaction's account");
        }
    }

    final <T> T run(String operation, Supplier<T> statement) {
        try {
            return statement.get();
        } catch (JdbiException e) {
            throw SqlErrors.translate(operation, e);
        }
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Builds the listing statement for one filter combination; its shape picks the index. */
    record ListingSql(String text) {
        static ListingSql of(ConversationListing listing) {
            StringBuilder sql = new StringBuilder("SELECT ").append(CONVERSATION_COLUMNS)
                    .append(" FROM conversations c WHERE c.account_id = :account AND c.state = :state");
            AssignmentFilter assignment = listing.assignment();
            if (assignment instanceof AssignmentFilter.Unassigned) {
                sql.append(" AND c.assignee_id IS NULL");
            } else if (assignment instanceof AssignmentFilter.AssignedTo) {
                sql.append(" AND c.assignee_id = :assignee");
            }
            switch (listing.readFilter()) {
                case UNREAD -> sql.append(" AND c.has_unread = TRUE");
                case READ -> sql.append(" AND c.has_unread = FALSE");
                default -> { }
            }
            sql.append(" AND c.last_activity_at >= :since");
            if (listing.after().isPresent()) {
                sql.append(" AND (c.last_activity_at < :afterAt"
                        + " OR (c.last_activity_at = :afterAt AND c.conversation_id < :afterId))");
            }
            listing.search().ifPresent(search -> appendSearch(sql, search));
            sql.append(" ORDER BY c.last_activity_at DESC, c.conversation_id DESC LIMIT :limit");
            return new ListingSql(sql.toString());
        }

        /** Binds the listing's values to a query made from {@link #text()} (or an EXPLAIN of it). */
        Query bind(Query query, String account, ConversationListing listing) {
            query.bind("account", account)
                    .bind("state", listing.state().name())
                    .bind("since", time(listing.activeSince()))
                    .bind("limit", listing.limit());
            if (listing.assignment() instanceof AssignmentFilter.AssignedTo assignedTo) {
                query.bind("assignee", assignedTo.user().value());
            }
            listing.after().ifPresent(cursor -> query
                    .bind("afterAt", time(cursor.lastActivityAt()))
                    .bind("afterId", cursor.conversationId().value()));
            listing.search().ifPresent(search -> {
                query.bind("textPattern", LikePatterns.containing(search.text()));
                for (int i = 0; i < search.digitVariants().size(); i++) {
                    query.bind("digits" + i, LikePatterns.containing(search.digitVariants().get(i)));
                }
            });
            return query;
        }

        /*
         * The search is a filter on the keyset walk. Both sub-queries name the account as a bound
         * parameter rather than through the correlation: PostgreSQL may turn an EXISTS inside an OR
         * into one hashed sub-plan evaluated once for the statement, and it must then read one
         * account's rows through an index, never the whole table. With a per-row sub-plan instead,
         * the walk stops at the page's end, which keeps common and short terms cheap. A term a
         * trigram index cannot narrow is matched against an expression no index serves
         * (LikePatterns.searchable): a cached generic plan would otherwise read the whole GIN index.
         */
        private static void appendSearch(StringBuilder sql, SearchTerm search) {
            String text = search.text();
            sql.append(" AND (EXISTS (SELECT 1 FROM contacts k WHERE k.account_id = :account"
                    + " AND k.phone_e164 = c.phone_e164 AND ")
                    .append(LikePatterns.searchable("k.search_name", text))
                    .append(" LIKE :textPattern ESCAPE '!')");
            for (int i = 0; i < search.digitVariants().size(); i++) {
                sql.append(" OR ").append(LikePatterns.searchable("c.phone_digits", search.digitVariants().get(i)))
                        .append(" LIKE :digits").append(i).append(" ESCAPE '!'");
            }
            sql.append(" OR EXISTS (SELECT 1 FROM messages m WHERE m.account_id = :account"
                    + " AND m.conversation_id = c.conversation_id AND m.created_at >= :since AND ")
                    .append(LikePatterns.searchable("m.body_lower", text))
                    .append(" LIKE :textPattern ESCAPE '!'))");
        }
    }

}
