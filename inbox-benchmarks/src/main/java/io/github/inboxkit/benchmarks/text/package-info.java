/**
 * JMH benchmarks of segment counting ({@code io.github.inboxkit.core.text}), each measured next to
 * a bare loop over the same text so that the figures read as ratios on whatever machine runs them.
 */
package io.github.inboxkit.benchmarks.text;
