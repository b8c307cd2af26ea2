package io.github.inboxkit.carrier;

import java.net.URI;
import java.util.Objects;

/**
 * One attachment of an inbound MMS, as a URL the host fetches it from (carriers host inbound media
 * and send links). Immutable and thread-safe.
 *
 * @param contentType the media type the carrier declared, e.g. {@code image/jpeg}
 * @param url an absolute URL
 */
public record InboundMedia(String contentType, URI url) {

    /**
     * Validates.
     *
     * @param contentType the {@code contentType} component
     * @param url the {@code url} component
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the type is not a media type or the URL is relative
     */
    public InboundMedia {
        Checks.mediaType(contentType, "contentType");
        Objects.requireNonNull(url, "url");
        Checks.argument(url.isAbsolute(), "inbound media url must be absolute");
    }
}
