package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.blocking.Block;
import io.github.inboxkit.core.blocking.BlockedLogEntry;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.BlockRows;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The in-memory {@link BlockRows}: the account's blocked numbers and its blocked log (F38). */
final class MemoryBlocks extends MemoryRows implements BlockRows {

    /** One inbound message turned away: its number and arrival, never its text. */
    record Arrival(PhoneNumber phone, Instant receivedAt) {}

    static final class Tables {
        final Map<PhoneNumber, Block> blocks = new HashMap<>();
        final Map<String, Arrival> blockedInbound = new HashMap<>();
    }

    private final Tables tables;

    MemoryBlocks(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }

    @Override
    public Optional<Block> findBlock(PhoneNumber phone) {
        checkOpen();
        return Optional.ofNullable(tables.blocks.get(phone));
    }

    @Override
    public Set<PhoneNumber> blockedAmong(Collection<PhoneNumber> phones) {
        checkOpen();
        return phones.stream().filter(tables.blocks::containsKey).collect(Collectors.toSet());
    }

    @Override
    public void saveBlock(Block block) {
        checkOpen();
        put(tables.blocks, block.phone(), block);
    }

    @Override
    public boolean deleteBlock(PhoneNumber phone) {
        checkOpen();
        boolean had = tables.blocks.containsKey(phone);
        remove(tables.blocks, phone);
        return had;
    }

    @Override
    public List<Block> listBlocks() {
        checkOpen();
        return tables.blocks.values().stream()
                .sorted(Comparator.comparing(Block::blockedAt).reversed().thenComparing(Block::phone))
                .toList();
    }

    @Override
    public boolean recordBlockedInbound(String carrierMessageId, PhoneNumber phone, Instant receivedAt) {
        checkOpen();
        if (tables.blockedInbound.containsKey(carrierMessageId)) {
            return false;
        }
        put(tables.blockedInbound, carrierMessageId, new Arrival(phone, receivedAt));
        return true;
    }

    @Override
    public List<BlockedLogEntry> blockedLog() {
        checkOpen();
        Map<PhoneNumber, BlockedLogEntry> byPhone = new LinkedHashMap<>();
        for (Arrival arrival : tables.blockedInbound.values()) {
            byPhone.merge(arrival.phone(),
                    new BlockedLogEntry(arrival.phone(), 1, arrival.receivedAt(), arrival.receivedAt()),
                    (a, b) -> new BlockedLogEntry(a.phone(), a.count() + b.count(),
                            a.firstSeen().isBefore(b.firstSeen()) ? a.firstSeen() : b.firstSeen(),
                            a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen()));
        }
        return byPhone.values().stream()
                .sorted(Comparator.comparing(BlockedLogEntry::lastSeen).reversed()
                        .thenComparing(BlockedLogEntry::phone))
                .toList();
    }

    @Override
    public int deleteBlockedInboundBefore(Instant receivedBefore, int limit) {
        checkOpen();
        List<String> old = tables.blockedInbound.entrySet().stream()
                .filter(entry -> entry.getValue().receivedAt().isBefore(receivedBefore))
                .sorted(Comparator.comparing(entry -> entry.getValue().receivedAt()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        old.forEach(id -> remove(tables.blockedInbound, id));
        return old.size();
    }
}
