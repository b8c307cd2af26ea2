/**
 * JMH benchmarks of the compliance building blocks ({@code io.github.inboxkit.core.compliance}),
 * each measured beside the opt-out keyword match that ingestion runs today and a bare loop over the
 * same text, so that the figures read as ratios on whatever machine runs them.
 */
package io.github.inboxkit.benchmarks.compliance;
