package io.github.inboxkit.core.erasure;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.conversation.MediaReference;
import java.util.List;

/**
 * What a call of {@link Erasure#erase} did (F40). Immutable and thread-safe.
 *
 * @param record the proof record, completed; its counts include what an interrupted earlier call
 *     of the same erasure deleted
 * @param resumed whether this call finished an erasure an earlier call had started
 * @param media the media references of the messages this call deleted, for the host to delete the
 *     bytes it keeps (an interrupted earlier call handed its own in its events)
 */
public record ErasureResult(ErasureRecord record, boolean resumed, List<MediaReference> media) {

    /** Checks the parts and copies the list. */
    public ErasureResult {
        Require.nonNull(record, "record");
        media = List.copyOf(Require.nonNull(media, "media"));
    }
}
