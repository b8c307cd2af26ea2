package io.github.inboxkit.core.compliance;

import io.github.inboxkit.core.Require;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises a request for help (F42): HELP or INFO in English, Spanish or French ({@code HELP},
 * {@code INFO}, {@code AYUDA}, {@code AIDE}...) and an account's own extra keywords, alone or in
 * a short reply with courtesy words ({@code "Help?"}, {@code "help please"}, {@code "¿Ayuda, por
 * favor?"}, {@code "Aide svp"}), ignoring case, accents and punctuation as the opt-out keywords
 * are compared ({@link KeywordText#normalize}).
 *
 * <p>A text longer than {@value KeywordText#MAX_KEYWORD_MESSAGE_LENGTH} characters or of more than
 * {@value #MAX_WORDS} words is conversation, not a keyword: "I need help with my order" reaches an
 * agent. A keyword of several words ({@code "MORE INFO"}) matches only as the whole text.
 *
 * <p>It decides nothing else: the reply, its text and whether it is on are {@link ConsentReplies}.
 *
 * <p>Immutable and thread-safe: build one per account configuration and share it.
 */
public final class HelpKeywords {

    /** The keywords of {@link #standard()}: English, Spanish and French. */
    public static final Set<String> DEFAULT_KEYWORDS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "HELP", "INFO", "INFORMATION", "AYUDA", "INFORMACIÓN", "AIDE", "INFOS", "INFORMATIONS")));

    /** The most words a short reply may have, keyword included. */
    public static final int MAX_WORDS = 5;

    /** The longest extra keyword accepted. */
    public static final int MAX_KEYWORD_LENGTH = 32;

    /** Courtesy words allowed around a keyword, normalised and without apostrophes. */
    private static final Set<String> COURTESY = Set.of(
            "PLEASE", "PLS", "PLZ", "THANKS", "THANK", "YOU", "THX", "TY", "OK", "OKAY", "HI", "HELLO", "HEY", "ME",
            "POR", "FAVOR", "PORFA", "PORFAVOR", "GRACIAS", "HOLA",
            "SVP", "STP", "MERCI", "BONJOUR", "SALUT", "SIL", "VOUS", "PLAIT", "TE", "MOI");

    /** Separates words: anything but letters, digits, combining marks and apostrophes. */
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}\\p{M}'’]+");

    private static final HelpKeywords STANDARD = new HelpKeywords(index(DEFAULT_KEYWORDS));

    /** Each keyword by its normalised form, as configured. */
    private final Map<String, String> keywords;

    private HelpKeywords(Map<String, String> keywords) {
        this.keywords = keywords;
    }

    /**
     * The English, Spanish and French keywords of {@link #DEFAULT_KEYWORDS}.
     *
     * @return the shared instance
     */
    public static HelpKeywords standard() {
        return STANDARD;
    }

    /**
     * The default keywords and an account's own.
     *
     * @param extra the account's keywords, e.g. {@code "HILFE"} or {@code "SUPPORT"}; possibly none
     * @return a new instance
     * @throws io.github.inboxkit.core.InvalidValueException naming {@code helpKeywords} if a keyword
     *     is blank, longer than {@value #MAX_KEYWORD_LENGTH} characters, only punctuation, or one
     *     of the mandatory opt-out words (a STOP must never be answered as a HELP); or null
     */
    public static HelpKeywords withExtraKeywords(Collection<String> extra) {
        Require.nonNull(extra, "helpKeywords");
        List<String> all = new ArrayList<>(DEFAULT_KEYWORDS);
        for (String keyword : extra) {
            Require.nonNull(keyword, "helpKeywords");
            Require.argument(!keyword.isBlank() && keyword.length() <= MAX_KEYWORD_LENGTH, "helpKeywords",
                    "must hold keywords of 1 to " + MAX_KEYWORD_LENGTH + " characters");
            Require.argument(!KeywordText.normalize(keyword).isEmpty(), "helpKeywords",
                    "must hold keywords with at least one letter or digit");
            Require.argument(RevocationDetector.standard().detect(keyword).kind() != RevocationKind.MANDATORY_KEYWORD,
                    "helpKeywords", "must not hold an opt-out word such as STOP, which always opts the contact out");
            all.add(keyword);
        }
        return new HelpKeywords(index(all));
    }

    private static Map<String, String> index(Collection<String> keywords) {
        Map<String, String> index = new LinkedHashMap<>();
        for (String keyword : keywords) {
            index.putIfAbsent(KeywordText.normalize(keyword), keyword);
        }
        return Collections.unmodifiableMap(index);
    }

    /**
     * The keywords recognised, as configured (one per normalised form).
     *
     * @return the keywords, the defaults first
     */
    public Set<String> keywords() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(keywords.values()));
    }

    /**
     * Finds the help keyword an inbound text asks with.
     *
     * @param text the inbound text, as received
     * @return the keyword as configured, if the text is one, alone or with courtesy words
     * @throws io.github.inboxkit.core.MissingValueException if {@code text} is null
     */
    public Optional<String> match(CharSequence text) {
        Require.nonNull(text, "text");
        if (text.length() > KeywordText.MAX_KEYWORD_MESSAGE_LENGTH) {
            return Optional.empty();
        }
        String whole = keywords.get(KeywordText.normalize(text.toString()));
        if (whole != null) {
            return Optional.of(whole);
        }
        String found = null;
        int words = 0;
        for (String word : WORD_BREAK.split(text)) {
            String normalized = KeywordText.normalize(word);
            if (normalized.isEmpty()) {
                continue;
            }
            if (++words > MAX_WORDS) {
                return Optional.empty();
            }
            String keyword = keywords.get(normalized);
            if (keyword != null) {
                found = found == null ? keyword : found; // "help help" asks once
            } else if (!COURTESY.contains(normalized.replace("'", "").replace("’", ""))) {
                return Optional.empty(); // a word that makes it conversation
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Whether an inbound text asks for help.
     *
     * @param text the inbound text
     * @return true when {@link #match} finds a keyword
     * @throws io.github.inboxkit.core.MissingValueException if {@code text} is null
     */
    public boolean matches(CharSequence text) {
        return match(text).isPresent();
    }

    @Override
    public String toString() {
        return "HelpKeywords" + keywords.values();
    }
}
