package io.github.inboxkit.core.compliance;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RevocationDetector} made of one inbound text: its {@link #kind() kind}, the
 * language of the rule that matched when it has one, and which rule matched, so that an agent
 * reviewing a flagged message sees why it was flagged.
 *
 * <p>A verdict never holds any part of the inspected text, so it may be logged, stored and shown
 * freely. Verdicts are prepared once per rule when a detector is built, which is why detecting
 * allocates no verdict and why this is a hand-written class rather than an Immutables value.
 *
 * <p>Immutable and thread-safe. Two verdicts are equal when their kind, language, rule and keyword
 * are.
 */
public final class RevocationVerdict {

    private static final RevocationVerdict NONE =
            new RevocationVerdict(RevocationKind.NONE, null, "none", "not a revocation", null);

    private final RevocationKind kind;
    private final RevocationLanguage language;
    private final String ruleId;
    private final String ruleDescription;
    private final String keyword;

    RevocationVerdict(RevocationKind kind, RevocationLanguage language, String ruleId, String ruleDescription,
            String keyword) {
        this.kind = kind;
        this.language = language;
        this.ruleId = ruleId;
        this.ruleDescription = ruleDescription;
        this.keyword = keyword;
    }

    /**
     * Returns the verdict for a text that is not a revocation.
     *
     * @return the shared verdict of kind {@link RevocationKind#NONE}, rule {@code "none"}
     */
    public static RevocationVerdict none() {
        return NONE;
    }

    /**
     * Returns what kind of revocation the text is.
     *
     * @return the kind; {@link RevocationKind#NONE} when the text is not a revocation
     */
    public RevocationKind kind() {
        return kind;
    }

    /**
     * Tells whether the text revokes consent, as a mandatory keyword or in natural language.
     *
     * @return {@code true} unless the kind is {@link RevocationKind#NONE}
     */
    public boolean isRevocation() {
        return kind != RevocationKind.NONE;
    }

    /**
     * Returns the language of the rule that matched. The seven mandatory words belong to no
     * language (they revoke consent whatever the sender speaks), so a mandatory keyword has none;
     * nor has a text that is not a revocation.
     *
     * @return the language of a natural-language rule, or empty
     */
    public Optional<RevocationLanguage> language() {
        return Optional.ofNullable(language);
    }

    /**
     * Returns the identifier of the rule that matched: {@code "keyword.stop"} … for a mandatory
     * keyword, a language-prefixed id such as {@code "en.stop-sending"} or {@code "fr.desabonner"}
     * for a natural-language rule, {@code "keyword-in-longer-reply"} for a mandatory word standing
     * as a sentence of its own in a longer text, and {@code "none"} otherwise. Identifiers are
     * stable across patch releases, so a host may count or filter by them.
     *
     * @return the rule identifier, never empty
     */
    public String ruleId() {
        return ruleId;
    }

    /**
     * Returns a short English description of the rule that matched, with an example, for an agent
     * reviewing the message; it never quotes the inspected text.
     *
     * @return the description, never empty
     */
    public String ruleDescription() {
        return ruleDescription;
    }

    /**
     * Returns the mandatory word the text is, in capitals as the rule spells it ({@code "STOP"},
     * {@code "OPT OUT"}), for a verdict of kind {@link RevocationKind#MANDATORY_KEYWORD} or of rule
     * {@code "keyword-in-longer-reply"}.
     *
     * @return the keyword, or empty for other verdicts
     */
    public Optional<String> matchedKeyword() {
        return Optional.ofNullable(keyword);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof RevocationVerdict)) {
            return false;
        }
        RevocationVerdict that = (RevocationVerdict) other;
        return kind == that.kind && language == that.language && ruleId.equals(that.ruleId)
                && Objects.equals(keyword, that.keyword);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, language, ruleId, keyword);
    }

    /** Returns the kind, language and rule; never any part of the inspected text. */
    @Override
    public String toString() {
        return "RevocationVerdict{" + kind + (language == null ? "" : ", " + language.tag()) + ", " + ruleId + "}";
    }
}
