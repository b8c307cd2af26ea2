package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code @initials} mentions of a private note (F36): an {@code @} not inside a word or an
 * address, then one or two letters not followed by another letter or digit. They are matched to the
 * team's {@link User#initials()} ignoring case; initials no team member has are ignored, and every
 * member with matching initials is mentioned.
 */
final class Mentions {

    private static final Pattern MENTION =
            Pattern.compile("(?<![\\p{L}\\p{N}@._-])@(\\p{L}\\p{M}*(?:\\p{L}\\p{M}*)?)(?![\\p{L}\\p{M}\\p{N}])");

    private Mentions() {}

    static Set<UserId> in(String text, List<User> team) {
        Set<String> wanted = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            wanted.add(matcher.group(1).toUpperCase(Locale.ROOT));
        }
        Set<UserId> mentioned = new LinkedHashSet<>();
        if (wanted.isEmpty()) {
            return mentioned;
        }
        for (User user : team) {
            if (wanted.contains(user.initials().toUpperCase(Locale.ROOT))) {
                mentioned.add(user.id());
            }
        }
        return mentioned;
    }
}
