package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compliance.ConsentReplies;
import io.github.inboxkit.core.compliance.RevocationPolicy;
import io.github.inboxkit.core.contact.CustomFieldValue;
import io.github.inboxkit.core.conversation.MediaReference;
import io.github.inboxkit.core.text.TextRepair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON shapes of the structured columns: account settings, contact custom fields and message
 * media. Settings are read leniently: an attribute missing from a row written by an older version
 * keeps its default, so adding a setting needs no migration.
 *
 * <p>Stateless and thread-safe.
 */
final class Codecs {

    private static final Logger LOG = LoggerFactory.getLogger(Codecs.class);

    private Codecs() {}

    static String writeSettings(AccountSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("retentionWindow", settings.retentionWindow().toString());
        json.put("defaultRegion", settings.defaultRegion());
        json.put("autoOptOut", settings.autoOptOut());
        json.put("optOutKeywords", new TreeSet<>(settings.optOutKeywords()));
        json.put("autoOptIn", settings.autoOptIn());
        json.put("optInKeywords", new TreeSet<>(settings.optInKeywords()));
        json.put("senderIds", settings.senderIds());
        settings.defaultSenderId().ifPresent(id -> json.put("defaultSenderId", id));
        json.put("numberPools", settings.numberPools());
        json.put("templates", settings.templates());
        json.put("smartEncoding", settings.smartEncoding());
        json.put("nationalLanguageTables", settings.nationalLanguageTables());
        json.put("maxSegments", settings.maxSegments());
        json.put("maxMmsBytes", settings.maxMmsBytes());
        json.put("revocationPolicy", settings.revocationPolicy().name());
        Map<String, Object> replies = new LinkedHashMap<>();
        ConsentReplies consentReplies = settings.consentReplies();
        // an absent text is a reply turned off; a row without "consentReplies" reads as the defaults
        consentReplies.helpText().ifPresent(text -> replies.put("helpText", text));
        consentReplies.optOutConfirmation().ifPresent(text -> replies.put("optOutConfirmation", text));
        consentReplies.optInConfirmation().ifPresent(text -> replies.put("optInConfirmation", text));
        json.put("consentReplies", replies);
        json.put("quietHours", QuietHoursCodec.write(settings.quietHours()));
        return Json.write(json);
    }

    @SuppressWarnings("unchecked")
    static AccountSettings readSettings(String text) {
        Map<String, Object> json = (Map<String, Object>) Json.parse(text);
        var builder = AccountSettings.builder();
        if (json.get("retentionWindow") instanceof String window) {
            builder.retentionWindow(Duration.parse(window));
        }
        if (json.get("defaultRegion") instanceof String region) {
            builder.defaultRegion(region);
        }
        if (json.get("autoOptOut") instanceof Boolean flag) {
            builder.autoOptOut(flag);
        }
        if (json.get("optOutKeywords") instanceof List<?> keywords) {
            builder.optOutKeywords(strings(keywords));
        }
        if (json.get("autoOptIn") instanceof Boolean flag) {
            builder.autoOptIn(flag);
        }
        if (json.get("optInKeywords") instanceof List<?> keywords) {
            builder.optInKeywords(strings(keywords));
        }
        if (json.get("senderIds") instanceof List<?> senderIds) {
            builder.senderIds(strings(senderIds));
        }
        if (json.get("defaultSenderId") instanceof String senderId) {
            builder.defaultSenderId(senderId);
        }
        if (json.get("numberPools") instanceof Map<?, ?> pools) {
            pools.forEach((name, numbers) -> builder.putNumberPools((String) name, strings((List<?>) numbers)));
        }
        if (json.get("templates") instanceof Map<?, ?> templates) {
            templates.forEach((name, body) -> builder.putTemplates((String) name, (String) body));
        }
        if (json.get("smartEncoding") instanceof Boolean flag) {
            builder.smartEncoding(flag);
        }
        if (json.get("nationalLanguageTables") instanceof List<?> tables) {
            builder.nationalLanguageTables(strings(tables));
        }
        if (json.get("maxSegments") instanceof Number number) {
            builder.maxSegments(Json.decimal(number).intValueExact());
        }
        if (json.get("maxMmsBytes") instanceof Number number) {
            builder.maxMmsBytes(Json.decimal(number).intValueExact());
        }
        if (json.get("revocationPolicy") instanceof String policy) {
            builder.revocationPolicy(RevocationPolicy.valueOf(policy));
        }
        if (json.get("consentReplies") instanceof Map<?, ?> replies) {
            ConsentReplies.Builder consentReplies = ConsentReplies.builder().noHelpReply().noOptOutConfirmation()
                    .noOptInConfirmation();
            if (replies.get("helpText") instanceof String reply) {
                consentReplies.helpText(reply);
            }
            if (replies.get("optOutConfirmation") instanceof String reply) {
                consentReplies.optOutConfirmation(reply);
            }
            if (replies.get("optInConfirmation") instanceof String reply) {
                consentReplies.optInConfirmation(reply);
            }
            builder.consentReplies(consentReplies.build());
        }
        builder.quietHours(QuietHoursCodec.read(json.get("quietHours")));
        return builder.build();
    }

    static String writeCustomFields(Map<String, CustomFieldValue> fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value instanceof CustomFieldValue.Text text) {
                json.put(name, text.value());
            } else if (value instanceof CustomFieldValue.Number number) {
                json.put(name, number.value());
            } else {
                json.put(name, ((CustomFieldValue.Flag) value).value());
            }
        });
        return Json.write(json);
    }

    static Map<String, CustomFieldValue> readCustomFields(String text) {
        Map<String, CustomFieldValue> fields = new LinkedHashMap<>();
        if ("{}".equals(text)) {
            return fields; // most contacts: no parser for every row of an inbox page
        }
        // Defensive: a contact is shown on every inbox page that lists its conversation, so one
        // value this version would not write (a number stored before numbers were bounded, a value
        // edited by hand) must not make the page fail. Numbers of any length parse (see Json); a
        // value that is not a scalar is left out of the contact read, and the row stays as it is.
        ((Map<?, ?>) Json.parse(text)).forEach((name, value) -> {
            if (value instanceof String string && string.length() <= CustomFieldValue.Text.MAX_LENGTH) {
                fields.put((String) name, CustomFieldValue.text(string));
            } else if (value instanceof Number number) {
                fields.put((String) name, CustomFieldValue.number(Json.decimal(number)));
            } else if (value instanceof Boolean flag) {
                fields.put((String) name, CustomFieldValue.flag(flag));
            } else {
                LOG.warn("A contact's custom field has a value InboxKit cannot read ({}); the contact is read"
                        + " without it", value == null ? "null" : value.getClass().getSimpleName());
            }
        });
        return fields;
    }

    static String writeMedia(List<MediaReference> media) {
        if (media.isEmpty()) {
            return "[]"; // most messages: no serializer for nothing
        }
        List<Object> json = new ArrayList<>();
        for (MediaReference reference : media) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("mimeType", reference.mimeType());
            item.put("location", reference.location());
            json.add(item);
        }
        return Json.write(json);
    }

    static List<MediaReference> readMedia(String text) {
        List<MediaReference> media = new ArrayList<>();
        for (Object item : (List<?>) Json.parse(text)) {
            Map<?, ?> map = (Map<?, ?>) item;
            media.add(new MediaReference((String) map.get("mimeType"), (String) map.get("location")));
        }
        return media;
    }

    /**
     * The bits of the {@code text_repairs} column, stated here rather than taken from the enum's
     * order, so that a new repair never changes what a stored bit means.
     */
    static int writeTextRepairs(Set<TextRepair> repairs) {
        int bits = 0;
        for (TextRepair repair : repairs) {
            bits |= switch (repair) {
                case MALFORMED_CHARACTERS_REPLACED -> 1;
                case TRUNCATED -> 2;
            };
        }
        return bits;
    }

    /** @see #writeTextRepairs */
    static Set<TextRepair> readTextRepairs(int bits) {
        if (bits == 0) {
            return Set.of(); // nearly every message
        }
        Set<TextRepair> repairs = EnumSet.noneOf(TextRepair.class);
        if ((bits & 1) != 0) {
            repairs.add(TextRepair.MALFORMED_CHARACTERS_REPLACED);
        }
        if ((bits & 2) != 0) {
            repairs.add(TextRepair.TRUNCATED);
        }
        return repairs;
    }

    private static List<String> strings(List<?> values) {
        List<String> strings = new ArrayList<>(values.size());
        for (Object value : values) {
            strings.add((String) value);
        }
        return strings;
    }
}
