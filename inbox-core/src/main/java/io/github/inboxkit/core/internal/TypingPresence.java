package io.github.inboxkit.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.ConversationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who is typing where (F14): an ephemeral presence in a Caffeine cache whose entries expire a
 * short time after the last keystroke. The cache reads time from the engine's clock, so tests move
 * time by hand, and does its maintenance on the caller's thread (no thread pool of ours).
 */
final class TypingPresence {

    private record Key(AccountId account, ConversationId conversation, UserId user) {}

    private final Cache<Key, Boolean> typing;

    TypingPresence(Clock clock, Duration timeout) {
        Ticker ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.typing = Caffeine.newBuilder()
                .expireAfterWrite(timeout)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** Notes a keystroke; tells whether the user was not typing before it. */
    boolean keystroke(AccountId account, ConversationId conversation, UserId user) {
        Key key = new Key(account, conversation, user);
        boolean started = typing.getIfPresent(key) == null;
        typing.put(key, Boolean.TRUE);
        return started;
    }

    /** Forgets a user's typing; tells whether the user was typing. */
    boolean stop(AccountId account, ConversationId conversation, UserId user) {
        return typing.asMap().remove(new Key(account, conversation, user)) != null;
    }

    List<UserId> typingIn(AccountId account, ConversationId conversation) {
        typing.cleanUp();
        return typing.asMap().keySet().stream()
                .filter(key -> key.account().equals(account) && key.conversation().equals(conversation))
                .filter(key -> typing.getIfPresent(key) != null)
                .map(Key::user)
                .sorted()
                .toList();
    }
}
