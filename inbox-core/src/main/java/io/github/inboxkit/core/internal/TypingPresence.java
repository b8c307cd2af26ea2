package io.github.inboxkit.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.event.InboxEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Who is typing where (F14): an ephemeral presence in a Caffeine cache whose entries expire a
 * short time after the last keystroke. The cache reads time from the engine's clock, so tests move
 * time by hand, and does its maintenance on the caller's thread (no thread pool of ours).
 *
 * <p>Expiry is noticed when the presence is next touched (a keystroke, a stop, a "who is typing"
 * read, a send, or a sweep a host triggers): the cache's maintenance then removes the expired
 * entries and its removal listener, run on that same thread, queues a {@code TypingStopped} event
 * dated at the expiry instant. Callers drain the queue with {@link #expired()} and publish.
 *
 * <p>A per-conversation index answers {@link #typingIn} without looking at other conversations.
 */
final class TypingPresence {

    private record Key(AccountId account, ConversationId conversation, UserId user) {}

    private record Place(AccountId account, ConversationId conversation) {}

    private final Duration timeout;
    private final Cache<Key, Instant> typing;
    private final ConcurrentHashMap<Place, Set<UserId>> byConversation = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<InboxEvent> expired = new ConcurrentLinkedQueue<>();

    TypingPresence(Clock clock, Duration timeout) {
        this.timeout = timeout;
        Ticker ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.typing = Caffeine.newBuilder()
                .expireAfterWrite(timeout)
                .ticker(ticker)
                .executor(Runnable::run)
                .<Key, Instant>removalListener((key, lastKeystroke, cause) -> removed(key, lastKeystroke, cause))
                .build();
    }

    private void removed(Key key, Instant lastKeystroke, RemovalCause cause) {
        if (key == null || cause == RemovalCause.REPLACED) {
            return;
        }
        if (cause == RemovalCause.EXPIRED && lastKeystroke != null) {
            expired.add(new InboxEvent.TypingStopped(key.account(), key.conversation(), key.user(),
                    lastKeystroke.plus(timeout)));
        }
        byConversation.computeIfPresent(new Place(key.account(), key.conversation()), (place, users) -> {
            if (typing.getIfPresent(key) == null) {
                users.remove(key.user());
            }
            return users.isEmpty() ? null : users;
        });
    }

    /**
     * Notes a keystroke; tells whether the user was not typing before it. Atomic: of two
     * concurrent first keystrokes, exactly one reports the start.
     */
    boolean keystroke(AccountId account, ConversationId conversation, UserId user, Instant now) {
        typing.cleanUp();
        Key key = new Key(account, conversation, user);
        boolean[] started = new boolean[1];
        byConversation.computeIfAbsent(new Place(account, conversation), place -> ConcurrentHashMap.newKeySet())
                .add(user);
        typing.asMap().compute(key, (k, previous) -> {
            started[0] = previous == null;
            return now;
        });
        // a concurrent expiry of the last user may have dropped the set just before the compute
        byConversation.computeIfAbsent(new Place(account, conversation), place -> ConcurrentHashMap.newKeySet())
                .add(user);
        return started[0];
    }

    /** Forgets a user's typing; tells whether the user was typing. */
    boolean stop(AccountId account, ConversationId conversation, UserId user) {
        typing.cleanUp();
        return typing.asMap().remove(new Key(account, conversation, user)) != null;
    }

    /** Who is typing in one conversation, by id; looks at that conversation's entries only. */
    List<UserId> typingIn(AccountId account, ConversationId conversation) {
        typing.cleanUp();
        Set<UserId> users = byConversation.get(new Place(account, conversation));
        if (users == null) {
            return List.of();
        }
        return users.stream()
                .filter(user -> typing.getIfPresent(new Key(account, conversation, user)) != null)
                .sorted()
                .toList();
    }

    /** Runs the cache's maintenance, so that every expired indicator queues its event. */
    void sweep() {
        typing.cleanUp();
    }

    /** Takes the queued {@code TypingStopped} events of expired indicators, oldest first. */
    List<InboxEvent> expired() {
        List<InboxEvent> events = new ArrayList<>();
        for (InboxEvent event = expired.poll(); event != null; event = expired.poll()) {
            events.add(event);
        }
        return events;
    }
}
