package io.github.inboxkit.benchmarks.jdbc;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The processor time a phase of a benchmark took: this JVM's (the client's) and the database
 * server's (the postmaster and its children, read from {@code /proc} on Linux), so that a figure
 * per message says where the work is, whatever else runs on the machine. On a system without
 * {@code /proc} the server's share reads as unknown.
 */
final class CpuUse {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    private final long postmaster;

    private CpuUse(long postmaster) {
        this.postmaster = postmaster;
    }

    /** Finds the server of the pool: the parent of a backend. */
    static CpuUse of(DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            long backend = row.getLong(1);
            long parent = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
            return new CpuUse(parent);
        }
    }

    /** A reading: the client's and the server's processor time so far, in nanoseconds (server: -1 if unknown). */
    record Reading(long clientNanos, long serverNanos) {

        /** No processor time: the start of a sum of spans. */
        static final Reading ZERO = new Reading(0, 0);

        /** @return the span from {@code before} to this reading (server -1 if either is unknown) */
        Reading minus(Reading before) {
            return new Reading(clientNanos - before.clientNanos,
                    serverNanos < 0 || before.serverNanos < 0 ? -1 : serverNanos - before.serverNanos);
        }

        /** @return the sum of two spans (server -1 if either is unknown) */
        Reading plus(Reading other) {
            return new Reading(clientNanos + other.clientNanos,
                    serverNanos < 0 || other.serverNanos < 0 ? -1 : serverNanos + other.serverNanos);
        }

        /** @return the processor time per operation since {@code before}, as "client / server µs" */
        String perOperation(Reading before, int operations) {
            double client = (clientNanos - before.clientNanos) / 1e3 / operations;
            if (serverNanos < 0 || before.serverNanos < 0) {
                return String.format(java.util.Locale.ROOT, "%.0f / ?", client);
            }
            double server = (serverNanos - before.serverNanos) / 1e3 / operations;
            return String.format(java.util.Locale.ROOT, "%.0f / %.0f", client, server);
        }
    }

    /** @return the processor time used so far */
    Reading read() {
        long client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Reading(client, serverNanos());
    }

    private long serverNanos() {
        if (postmaster < 0 || !Files.isDirectory(Path.of("/proc"))) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] stat = stat(process);
                if (stat != null && (Long.parseLong(name) == postmaster || stat[0] == postmaster)) {
                    ticks += stat[1] + stat[2];
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return (long) (ticks / TICKS_PER_SECOND * 1e9);
    }

    /** @return the parent's pid, user and system ticks of a process, or null if it is gone */
    private static long[] stat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // the command name, field 2, is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields from 3 on: state(3) ppid(4) ... utime(14) stime(15)
            return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
