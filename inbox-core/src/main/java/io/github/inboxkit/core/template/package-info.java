/**
 * Saved message templates with merge fields (F23): a {@link io.github.inboxkit.core.template.Template}
 * such as {@code "Hi {{firstName|there}}, your order is ready"} is filled from a contact's {@link
 * io.github.inboxkit.core.template.MergeFields} and its text measured by the segment counter. A field
 * the contact lacks, with no fallback, is a {@link
 * io.github.inboxkit.core.template.MissingMergeFieldException} that names it.
 */
package io.github.inboxkit.core.template;
