package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.ErasureContract;
import io.github.inboxkit.core.store.InboxStore;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the {@link ErasureContract} against the in-memory store, looking for the number in every
 * aggregate's tables of the account: every string, number and value object they hold, walked field
 * by field.
 */
class InMemoryErasureTest extends ErasureContract {

    private final InMemoryInboxStore memory = InMemoryInboxStore.create();

    @Override
    protected InboxStore newStore() {
        return memory;
    }

    @Override
    protected List<String> whereNumberIsLeft(AccountId in, PhoneNumber number) {
        AccountData data = accountData((InMemoryInboxStore) store, in);
        String digits = number.e164().substring(number.e164().length() - 9);
        List<String> found = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Field table : AccountData.class.getDeclaredFields()) {
            if (table.getName().equals("lock") || table.getName().equals("id")) {
                continue;
            }
            walk(read(table, data), table.getName(), number, digits, found, seen);
        }
        return found;
    }

    private static AccountData accountData(InMemoryInboxStore store, AccountId account) {
        try {
            Field accounts = InMemoryInboxStore.class.getDeclaredField("accounts");
            accounts.setAccessible(true);
            return (AccountData) ((Map<?, ?>) accounts.get(store)).get(account);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the in-memory store keeps its accounts in a field 'accounts'", e);
        }
    }

    private static void walk(Object value, String path, PhoneNumber number, String digits, List<String> found,
            Set<Object> seen) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                || value instanceof Temporal || value instanceof UUID || value instanceof Class<?> || !seen.add(value)) {
            return;
        }
        if (value instanceof Optional<?> optional) {
            walk(optional.orElse(null), path, number, digits, found, seen);
        } else if (value instanceof PhoneNumber phone) {
            if (phone.equals(number)) {
                found.add(path);
            }
        } else if (value instanceof CharSequence text) {
            if (text.toString().contains(digits)) {
                found.add(path);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                walk(key, path + ".key", number, digits, found, seen);
                walk(element, path + "[" + key + "]", number, digits, found, seen);
            });
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> walk(element, path + "[]", number, digits, found, seen));
        } else if (value.getClass().getName().startsWith("io.github.inboxkit")) {
            for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        walk(read(field, value), path + "." + field.getName(), number, digits, found, seen);
                    }
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
