package io.github.inboxkit.core.compliance;

import java.util.Locale;

/** A language whose natural-language revocations a {@link RevocationDetector} understands. */
public enum RevocationLanguage {

    /** English. */
    ENGLISH("en"),
    /** Spanish. */
    SPANISH("es"),
    /** French. */
    FRENCH("fr");

    private final String tag;

    RevocationLanguage(String tag) {
        this.tag = tag;
    }

    /**
     * Returns the language's BCP 47 tag, such as {@code "es"}; it is also the prefix of the rule
     * identifiers of the language ({@code "es.dejen-de"}).
     *
     * @return the two-letter tag
     */
    public String tag() {
        return tag;
    }

    /**
     * Returns the language as a {@link Locale}, for a host that picks a confirmation text by it.
     *
     * @return the locale of the language, without a country
     */
    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }
}
