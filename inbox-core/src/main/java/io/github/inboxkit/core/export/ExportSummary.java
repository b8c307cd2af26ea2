package io.github.inboxkit.core.export;

/**
 * What an export wrote. Immutable and thread-safe.
 *
 * @param messages how many messages the sink received
 * @param pages how many non-empty pages were read
 */
public record ExportSummary(long messages, long pages) {}
