/**
 * Observability for an InboxKit engine without Spring: {@link io.github.inboxkit.micrometer.InboxKitMetrics}
 * registers Micrometer metrics fed by the engine's events, its carriers' answers, its dispatcher's
 * steps and a scheduled statistics query of the store; {@link io.github.inboxkit.micrometer.InboxKitHealth}
 * is a health view a host polls (dispatcher lanes, time since the last successful step, database
 * reachable), in plain Java. No tag or detail holds a phone number or a message body.
 */
package io.github.inboxkit.micrometer;
