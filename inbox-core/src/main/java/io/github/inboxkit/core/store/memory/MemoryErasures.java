package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.erasure.ErasureId;
import io.github.inboxkit.core.erasure.ErasureRecord;
import io.github.inboxkit.core.store.ErasureRows;
import io.github.inboxkit.core.store.StoreConflictException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What survives an erasure (F40) in one account in memory: {@link ErasureRows}.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryErasures extends MemoryRows implements ErasureRows {

    /**
     * The key of number hashes, the erased opt-outs by hash and the proof records in the order
     * kept. Guarded by the account's lock; every write goes through the transaction's undo log.
     */
    static final class Tables {
        final Map<String, String> key = new HashMap<>();
        final Map<String, Instant> erasedOptOuts = new HashMap<>();
        final Map<ErasureId, ErasureRecord> records = new LinkedHashMap<>();
    }

    private static final String KEY = "key";

    private final Tables tables;

    MemoryErasures(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }

    @Override
    public Optional<String> findNumberHashKey() {
        checkOpen();
        return Optional.ofNullable(tables.key.get(KEY));
    }

    @Override
    public void insertNumberHashKey(String key, Instant createdAt) {
        checkOpen();
        if (tables.key.containsKey(KEY)) {
            throw new StoreConflictException("number hash key exists");
        }
        put(tables.key, KEY, key);
    }

    @Override
    public Set<String> findErasedOptOuts(Collection<String> numberHashes) {
        checkOpen();
        return numberHashes.stream().filter(tables.erasedOptOuts::containsKey).collect(Collectors.toSet());
    }

    @Override
    public void putErasedOptOut(String numberHash, Instant since) {
        checkOpen();
        put(tables.erasedOptOuts, numberHash, since);
    }

    @Override
    public boolean deleteErasedOptOut(String numberHash) {
        checkOpen();
        boolean kept = tables.erasedOptOuts.containsKey(numberHash);
        remove(tables.erasedOptOuts, numberHash);
        return kept;
    }

    @Override
    public void insertErasureRecord(ErasureRecord record) {
        checkOpen();
        if (tables.records.containsKey(record.id())) {
            throw new StoreConflictException("erasure record exists: " + record.id());
        }
        put(tables.records, record.id(), record);
    }

    @Override
    public Optional<ErasureRecord> findErasureRecord(ErasureId id) {
        checkOpen();
        return Optional.ofNullable(tables.records.get(id));
    }

    @Override
    public void updateErasureRecord(ErasureRecord record) {
        checkOpen();
        requireState(tables.records.containsKey(record.id()), "erasure record");
        put(tables.records, record.id(), record);
    }

    @Override
    public List<ErasureRecord> listErasureRecords(String numberHash) {
        checkOpen();
        return tables.records.values().stream().filter(record -> record.numberHash().equals(numberHash)).toList();
    }
}
