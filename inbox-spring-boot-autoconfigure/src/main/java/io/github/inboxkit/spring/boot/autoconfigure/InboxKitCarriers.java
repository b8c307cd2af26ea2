package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.carrier.Carrier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The carriers the auto-configured {@link io.github.inboxkit.InboxKit} is built with, in
 * registration order (the first is the default unless {@code inboxkit.default-carrier} names
 * another): the application's own {@link Carrier} beans, then the carriers of {@code
 * inboxkit.carriers.*} whose id no bean took. An application that defines a bean of this type
 * decides the list alone.
 *
 * <p>Immutable and thread-safe.
 */
public final class InboxKitCarriers {

    private final Map<String, Carrier> byId;

    private InboxKitCarriers(Map<String, Carrier> byId) {
        this.byId = byId;
    }

    /**
     * The given carriers, in this order.
     *
     * @param carriers the carriers; ids must be distinct
     * @return the list
     * @throws IllegalArgumentException if two carriers have one id
     */
    public static InboxKitCarriers of(List<? extends Carrier> carriers) {
        Map<String, Carrier> byId = new LinkedHashMap<>();
        for (Carrier carrier : carriers) {
            Carrier previous = byId.putIfAbsent(carrier.id(), carrier);
            if (previous != null) {
                throw new IllegalArgumentException("two carriers have the id '" + carrier.id() + "': "
                        + previous.getClass().getName() + " and " + carrier.getClass().getName());
            }
        }
        return new InboxKitCarriers(byId);
    }

    /** @return the carriers, in registration order */
    public List<Carrier> all() {
        return List.copyOf(new ArrayList<>(byId.values()));
    }

    /**
     * The carrier with this id.
     *
     * @param carrierId the carrier's id, e.g. {@code "simulator"}
     * @return the carrier, if there is one with this id
     */
    public Optional<Carrier> find(String carrierId) {
        return Optional.ofNullable(byId.get(carrierId));
    }

    /** @return whether there is no carrier: the engine then cannot send */
    public boolean isEmpty() {
        return byId.isEmpty();
    }

    @Override
    public String toString() {
        return "InboxKitCarriers" + byId.keySet();
    }
}
