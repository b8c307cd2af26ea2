/**
 * Export (F39): an account's messages, with their conversation and contact, for a range of time
 * and optionally one contact, read in keyset pages of one short transaction each and handed to an
 * {@link io.github.inboxkit.core.export.ExportSink} page by page, so that memory stays constant
 * whatever the size. {@link io.github.inboxkit.core.export.Export} is reached as {@code
 * InboxKit.export()}; the {@code inbox-export} module writes the pages as CSV or JSON Lines.
 */
package io.github.inboxkit.core.export;
