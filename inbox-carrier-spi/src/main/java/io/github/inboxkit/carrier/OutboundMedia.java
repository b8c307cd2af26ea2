package io.github.inboxkit.carrier;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * One MMS attachment of an outbound submission: either its bytes ({@link Inline}) or a URL the
 * carrier fetches it from ({@link Hosted}). Immutable and thread-safe.
 */
public sealed interface OutboundMedia permits OutboundMedia.Inline, OutboundMedia.Hosted {

    /**
     * The attachment's media type, as the library validated it from its bytes.
     *
     * @return a media type such as {@code image/png}
     */
    String contentType();

    /**
     * An attachment given by its bytes.
     *
     * @param contentType e.g. {@code image/jpeg}
     * @param content the bytes; copied
     * @return the attachment
     * @throws IllegalArgumentException if the type is not a media type or the content is empty
     */
    static OutboundMedia inline(String contentType, byte[] content) {
        return new Inline(contentType, content);
    }

    /**
     * An attachment the carrier fetches from a URL.
     *
     * @param contentType e.g. {@code image/jpeg}
     * @param url an absolute http or https URL
     * @param sizeBytes the attachment's size in bytes
     * @return the attachment
     * @throws IllegalArgumentException if an argument is malformed
     */
    static OutboundMedia hosted(String contentType, URI url, int sizeBytes) {
        return new Hosted(contentType, url, sizeBytes);
    }

    /**
     * The attachment's size in bytes, checked by carriers against {@link CarrierCapabilities#maxMmsBytes()}.
     *
     * @return the size, at least 1
     */
    int sizeBytes();

    /**
     * An attachment given by its bytes. The array is copied in and out, so the record stays
     * immutable; equality compares contents.
     *
     * @param contentType the media type
     * @param content the bytes (a copy)
     */
    record Inline(String contentType, byte[] content) implements OutboundMedia {

        /**
         * Validates and copies.
         *
         * @param contentType the {@code contentType} component
         * @param content the {@code content} component
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if the type is not a media type or the content is empty
         */
        public Inline {
            Checks.mediaType(contentType, "contentType");
            Objects.requireNonNull(content, "content");
            Checks.argument(content.length > 0, "media content must not be empty");
            content = content.clone();
        }

        /**
         * The bytes.
         *
         * @return a copy of the content
         */
        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public int sizeBytes() {
            return content.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Inline that
                    && contentType.equals(that.contentType)
                    && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return 31 * contentType.hashCode() + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Inline[contentType=" + contentType + ", " + content.length + " bytes]";
        }
    }

    /**
     * An attachment the carrier fetches from a URL.
     *
     * @param contentType the media type
     * @param url an absolute http or https URL
     * @param sizeBytes the size in bytes, at least 1
     */
    record Hosted(String contentType, URI url, int sizeBytes) implements OutboundMedia {

        /**
         * Validates.
         *
         * @param contentType the {@code contentType} component
         * @param url the {@code url} component
         * @param sizeBytes the {@code sizeBytes} component
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if the type, URL or size is malformed
         */
        public Hosted {
            Checks.mediaType(contentType, "contentType");
            Objects.requireNonNull(url, "url");
            Checks.argument(url.isAbsolute()
                            && ("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme())),
                    "media url must be an absolute http or https URL");
            Checks.argument(sizeBytes > 0, "media sizeBytes must be at least 1, was " + sizeBytes);
        }
    }
}
