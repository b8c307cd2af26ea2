package io.github.inboxkit.core.template;

import io.github.inboxkit.core.InboxException;
import java.util.Objects;

/**
 * A template body that does not follow the merge-field syntax (F23): a <code>&#123;&#123;</code>
 * never closed, a <code>&#125;&#125;</code> closing nothing, or a field without a valid name.
 *
 * <p>{@link #position()} points at the offending braces so that an editor can highlight them.
 * Immutable and safe to share between threads.
 */
public final class MalformedTemplateException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String templateName;
    private final int position;
    private final String problem;

    MalformedTemplateException(String templateName, int position, String problem) {
        super("The template '" + templateName + "' is malformed at position " + position + ": " + problem + ".");
        this.templateName = Objects.requireNonNull(templateName, "templateName");
        this.position = position;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /**
     * The name of the malformed template.
     *
     * @return the template's name
     */
    public String templateName() {
        return templateName;
    }

    /**
     * Where the problem is.
     *
     * @return the zero-based index, in the body's UTF-16 chars, of the braces at fault
     */
    public int position() {
        return position;
    }

    /**
     * What is wrong, without the position.
     *
     * @return the problem in words a user can act on
     */
    public String problem() {
        return problem;
    }
}
