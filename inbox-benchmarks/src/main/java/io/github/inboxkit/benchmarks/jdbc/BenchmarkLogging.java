package io.github.inboxkit.benchmarks.jdbc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmarks' logging: the libraries at WARN, so that the output stays a report (no pool
 * keep-alives), and InboxKit at INFO, the level a host runs it at. The core's test jar on the
 * class path brings its tests' configuration, which turns InboxKit's DEBUG on: each message's
 * debug line was then built (and dropped, having no appender), a cost no production host pays.
 */
final class BenchmarkLogging {

    private BenchmarkLogging() {}

    /** Sets the levels; call first thing in a benchmark's main. */
    static void quiet() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("io.github.inboxkit")).setLevel(Level.INFO);
    }
}
