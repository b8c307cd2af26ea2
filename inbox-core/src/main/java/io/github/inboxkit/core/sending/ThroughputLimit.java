package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.Require;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A limit on how fast, or how much, an account's senders may send (F50): a rate (messages per
 * second with a burst) or a daily cap (messages per UTC day), for one sender, for a group of
 * senders (a US 10DLC campaign, whose throughput carriers cap as a whole) or for everything an
 * account sends through one carrier. Declared by the host with {@link SendingOptions#throughputLimit};
 * a carrier's own declared rate ({@code CarrierCapabilities.messagesPerSecond()}) applies to each
 * of its senders in any case.
 *
 * <p>Limits hold per account across every node that dispatches from one database: the dispatcher
 * takes a token for each message in the transaction that claims it, from a state the store keeps
 * (the in-memory store, which serves one node, keeps it in memory). A message over a limit is
 * deferred, never failed, and its attempt is not counted: it is due again when the limit allows.
 *
 * <p>Immutable and thread-safe.
 */
public final class ThroughputLimit {

    /** What a limit counts. */
    public enum Kind {
        /** Messages per second, refilled steadily, with a burst on top of the steady rate. */
        RATE,
        /** Messages per UTC day. */
        DAILY_CAP
    }

    /** What a limit applies to. */
    public enum Scope {
        /** One sender ID (a number, short code or alphanumeric sender). */
        SENDER,
        /** A named group of sender IDs, such as a 10DLC campaign's numbers. */
        SENDER_GROUP,
        /** Everything the account sends through one carrier. */
        CARRIER
    }

    private final Kind kind;
    private final Scope scope;
    private final String name;
    private final Set<String> senders;
    private final double messagesPerSecond;
    private final int burst;
    private final long dailyCap;

    private ThroughputLimit(Kind kind, Scope scope, String name, Set<String> senders, double messagesPerSecond,
            int burst, long dailyCap) {
        this.kind = kind;
        this.scope = scope;
        this.name = name;
        this.senders = senders;
        this.messagesPerSecond = messagesPerSecond;
        this.burst = burst;
        this.dailyCap = dailyCap;
    }

    /**
     * A rate for one sender ID.
     *
     * @param sender the sender's value, as in the account's settings (e.g. {@code "+14155550100"})
     * @param messagesPerSecond the steady rate, positive and at most 100,000
     * @param burst how many messages may go at once after a pause, at least 1
     * @return the limit
     * @throws io.github.inboxkit.core.InvalidValueException if a value is out of range or blank
     */
    public static ThroughputLimit perSender(String sender, double messagesPerSecond, int burst) {
        return rate(Scope.SENDER, requireName(sender, "sender"), Set.of(sender), messagesPerSecond, burst);
    }

    /**
     * A rate shared by a group of sender IDs: a 10DLC campaign's throughput, which carriers count
     * over all of its numbers.
     *
     * @param group the group's name, letters, digits, {@code -} and {@code _}, up to 64 characters
     * @param senders the senders' values, at least one
     * @param messagesPerSecond the steady rate, positive and at most 100,000 (e.g. 4 for 240 a minute)
     * @param burst how many messages may go at once after a pause, at least 1
     * @return the limit
     * @throws io.github.inboxkit.core.InvalidValueException if a value is out of range or malformed
     */
    public static ThroughputLimit perSenderGroup(String group, Collection<String> senders, double messagesPerSecond,
            int burst) {
        Require.identifier(group, "group", 64);
        return rate(Scope.SENDER_GROUP, group, requireSenders(senders), messagesPerSecond, burst);
    }

    /**
     * A rate for everything the account sends through one carrier.
     *
     * @param carrierId the carrier's id
     * @param messagesPerSecond the steady rate, positive and at most 100,000
     * @param burst how many messages may go at once after a pause, at least 1
     * @return the limit
     * @throws io.github.inboxkit.core.InvalidValueException if a value is out of range or blank
     */
    public static ThroughputLimit perCarrier(String carrierId, double messagesPerSecond, int burst) {
        return rate(Scope.CARRIER, requireName(carrierId, "carrierId"), Set.of(), messagesPerSecond, burst);
    }

    /**
     * A cap on one sender ID's messages per UTC day (a brand's daily cap at T-Mobile, say).
     *
     * @param sender the sender's value
     * @param messagesPerDay the cap, at least 1
     * @return the limit
     * @throws io.github.inboxkit.core.InvalidValueException if a value is out of range or blank
     */
    public static ThroughputLimit dailyPerSender(String sender, long messagesPerDay) {
        return daily(Scope.SENDER, requireName(sender, "sender"), Set.of(sender), messagesPerDay);
    }

    /**
     * A cap on a group of sender IDs' messages per UTC day, counted over all of them.
     *
     * @param group the group's name, letters, digits, {@code -} and {@code _}, up to 64 characters
     * @param senders the senders' values, at least one
     * @param messagesPerDay the cap, at least 1
     * @return the limit
     * @throws io.github.inboxkit.core.InvalidValueException if a value is out of range or malformed
     */
    public static ThroughputLimit dailyPerSenderGroup(String group, Collection<String> senders, long messagesPerDay) {
        Require.identifier(group, "group", 64);
        return daily(Scope.SENDER_GROUP, group, requireSenders(senders), messagesPerDay);
    }

    private static ThroughputLimit rate(Scope scope, String name, Set<String> senders, double messagesPerSecond,
            int burst) {
        Require.argument(messagesPerSecond > 0 && messagesPerSecond <= 100_000, "messagesPerSecond",
                "must be > 0 and at most 100000");
        Require.argument(burst >= 1 && burst <= 100_000, "burst", "must be from 1 to 100000");
        return new ThroughputLimit(Kind.RATE, scope, name, senders, messagesPerSecond, burst, 0);
    }

    private static ThroughputLimit daily(Scope scope, String name, Set<String> senders, long messagesPerDay) {
        Require.argument(messagesPerDay >= 1, "messagesPerDay", "must be at least 1");
        return new ThroughputLimit(Kind.DAILY_CAP, scope, name, senders, 0, 0, messagesPerDay);
    }

    private static String requireName(String value, String field) {
        Require.nonNull(value, field);
        Require.argument(!value.isBlank() && value.length() <= 64, field, "must be 1 to 64 characters, not blank");
        return value;
    }

    private static Set<String> requireSenders(Collection<String> senders) {
        Require.nonNull(senders, "senders");
        Require.argument(!senders.isEmpty(), "senders", "must name at least one sender");
        senders.forEach(sender -> requireName(sender, "senders"));
        return Set.copyOf(new TreeSet<>(senders));
    }

    /** @return what the limit counts */
    public Kind kind() {
        return kind;
    }

    /** @return what it applies to */
    public Scope scope() {
        return scope;
    }

    /** @return the sender's value, the group's name or the carrier's id */
    public String name() {
        return name;
    }

    /** @return the senders it counts; empty for a carrier's limit, which counts every sender */
    public Set<String> senders() {
        return senders;
    }

    /** @return the steady rate of a {@link Kind#RATE}; 0 for a daily cap */
    public double messagesPerSecond() {
        return messagesPerSecond;
    }

    /** @return the burst of a {@link Kind#RATE}; 0 for a daily cap */
    public int burst() {
        return burst;
    }

    /** @return the cap of a {@link Kind#DAILY_CAP}; 0 for a rate */
    public long dailyCap() {
        return dailyCap;
    }

    /**
     * Whether a message from a sender through a carrier counts against this limit.
     *
     * @param carrierId the message's carrier
     * @param sender the message's sender value
     * @return whether it counts
     */
    public boolean covers(String carrierId, String sender) {
        return scope == Scope.CARRIER ? name.equals(carrierId) : senders.contains(sender);
    }

    /**
     * The key the store keeps this limit's state under; two limits with one key are one limit.
     *
     * @return the key, e.g. {@code "rate:sender_group:spring-campaign"}
     */
    public String key() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + scope.name().toLowerCase(java.util.Locale.ROOT)
                + ":" + name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ThroughputLimit that && kind == that.kind && scope == that.scope
                && name.equals(that.name) && senders.equals(that.senders)
                && Double.compare(messagesPerSecond, that.messagesPerSecond) == 0 && burst == that.burst
                && dailyCap == that.dailyCap;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, scope, name, senders, messagesPerSecond, burst, dailyCap);
    }

    @Override
    public String toString() {
        return "ThroughputLimit[" + key() + (kind == Kind.RATE ? ", " + messagesPerSecond + "/s, burst " + burst
                : ", " + dailyCap + "/day") + (senders.size() > 1 ? ", " + senders.size() + " senders" : "") + "]";
    }
}
