package io.github.inboxkit.micrometer;

/** The overall state a {@link HealthReport} gives, worst first. */
public enum HealthStatus {
    /** Not working: no dispatcher lane runs, or the database did not answer in time. */
    DOWN,
    /** Working in part: fewer lanes than configured, or no successful dispatcher step for too long. */
    DEGRADED,
    /** Every check passed. */
    UP
}
