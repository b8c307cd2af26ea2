package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.StoreTransaction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash of erased numbers (F40) and the erased opt-outs it finds: HMAC-SHA-256 of the
 * number in E.164 form, keyed with the account's random 256-bit key ({@link
 * io.github.inboxkit.core.store.ErasureRows#findNumberHashKey}), made at the account's first
 * erasure. One place, used by the opt-out rule ({@link Subscriptions}) and by erasure.
 *
 * <p>Public for the engine's own {@code internal} packages only; no compatibility promise.
 * Stateless and thread-safe.
 */
public final class ErasedNumbers {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private ErasedNumbers() {}

    /**
     * The hash of a number with a key.
     *
     * @param key the account's key, 64 hex digits
     * @param phone the number
     * @return 64 lower-case hex digits
     */
    public static String hash(String key, PhoneNumber phone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HEX.parseHex(key), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(phone.e164().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * The hash of a number, if the account has a key: one that never erased has none, and no
     * hash of its numbers exists anywhere.
     *
     * @param tx the transaction
     * @param phone the number
     * @return the hash
     */
    public static Optional<String> hashIfKeyed(StoreTransaction tx, PhoneNumber phone) {
        return tx.erasures().findNumberHashKey().map(key -> hash(key, phone));
    }

    /**
     * The hash of a number, making the account's key first if it has none (a concurrent first
     * erasure makes one of the two transactions run again, and read the other's key).
     *
     * @param tx the transaction
     * @param phone the number
     * @param now the current time
     * @return the hash
     */
    public static String hashMakingKey(StoreTransaction tx, PhoneNumber phone, Instant now) {
        Optional<String> key = tx.erasures().findNumberHashKey();
        if (key.isPresent()) {
            return hash(key.get(), phone);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String made = HEX.formatHex(bytes);
        tx.erasures().insertNumberHashKey(made, now);
        return hash(made, phone);
    }

    /**
     * Which of many numbers were erased while opted out and did not opt in since: one look-up for
     * all of them, none for an account that never erased a number.
     *
     * @param tx the transaction
     * @param phones the numbers
     * @return those whose hash is an erased opt-out
     */
    static Set<PhoneNumber> erasedOptOuts(StoreTransaction tx, Collection<PhoneNumber> phones) {
        if (phones.isEmpty()) {
            return Set.of();
        }
        Optional<String> key = tx.erasures().findNumberHashKey();
        if (key.isEmpty()) {
            return Set.of();
        }
        Map<String, PhoneNumber> byHash = new LinkedHashMap<>();
        for (PhoneNumber phone : phones) {
            byHash.put(hash(key.get(), phone), phone);
        }
        return tx.erasures().findErasedOptOuts(byHash.keySet()).stream().map(byHash::get).collect(Collectors.toSet());
    }

    /** Forgets a number's erased opt-out, if it has one: it opted in again. */
    static void forgetOptOut(StoreTransaction tx, PhoneNumber phone) {
        hashIfKeyed(tx, phone).ifPresent(hash -> tx.erasures().deleteErasedOptOut(hash));
    }
}
