/**
 * Writers for InboxKit's export (F39): {@link io.github.inboxkit.export.CsvExporter} (RFC 4180,
 * UTF-8, optional byte order mark for spreadsheets) and {@link
 * io.github.inboxkit.export.JsonLinesExporter} (one JSON object per line), each an {@link
 * io.github.inboxkit.core.export.ExportSink} that {@code InboxKit.export()} fills page by page.
 * Both write through Jackson's streaming generators, never building the whole document, and flush
 * after every page; the caller owns, and closes, the stream.
 */
package io.github.inboxkit.export;
