package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.SenderKind;
import io.github.inboxkit.carrier.ShiftTable;
import io.github.inboxkit.core.sending.FailureReason;
import io.github.inboxkit.core.sending.SendFailure;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text encodings of the sending pipeline's columns (outbound media, shift tables, failures)
 * and the sender of an outbox entry's or a queued recipient's row, shared by the outbox and the
 * broadcasts' rows.
 */
final class OutboxCodecs  {

    /** The sender of an outbox entry's or a queued recipient's row (sender_kind, sender_value). */
    static Sender sender(ResultSet rs) throws SQLException {
        return new Sender(SenderKind.valueOf(rs.getString("sender_kind")), rs.getString("sender_value"));
    }

    static String writeMedia(List<OutboundMedia> media) {
        List<Object> json = new ArrayList<>();
        for (OutboundMedia item : media) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("contentType", item.contentType());
            if (item instanceof OutboundMedia.Inline inline) {
                map.put("content", Base64.getEncoder().encodeToString(inline.content()));
            } else {
                OutboundMedia.Hosted hosted = (OutboundMedia.Hosted) item;
                map.put("url", hosted.url().toString());
                map.put("sizeBytes", hosted.sizeBytes());
            }
            json.add(map);
        }
        return Json.write(json);
    }

    static List<OutboundMedia> readMedia(String text) {
        List<OutboundMedia> media = new ArrayList<>();
        for (Object item : (List<?>) Json.parse(text)) {
            Map<?, ?> map = (Map<?, ?>) item;
            String contentType = (String) map.get("contentType");
            if (map.get("content") instanceof String content) {
                media.add(OutboundMedia.inline(contentType, Base64.getDecoder().decode(content)));
            } else {
                media.add(OutboundMedia.hosted(contentType, URI.create((String) map.get("url")),
                        Json.decimal((Number) map.get("sizeBytes")).intValueExact()));
            }
        }
        return media;
    }

    static String writeShiftTables(List<ShiftTable> tables) {
        return Json.write(tables.stream().map(ShiftTable::name).toList());
    }

    /**
     * A row written before the column existed has none; the dispatcher recounts a GSM-7 text's
     * tables at claim.
     */
    static List<ShiftTable> readShiftTables(String text) {
        if (text == null) {
            return List.of();
        }
        List<ShiftTable> tables = new ArrayList<>();
        for (Object name : (List<?>) Json.parse(text)) {
            tables.add(ShiftTable.valueOf((String) name));
        }
        return tables;
    }

    static String writeFailure(SendFailure failure) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reason", failure.reason().name());
        failure.carrierReason().ifPresent(reason -> json.put("carrierReason", reason.name()));
        json.put("carrierCode", failure.carrierCode());
        json.put("detail", failure.detail());
        return Json.write(json);
    }

    static SendFailure readFailure(String text) {
        Map<?, ?> json = (Map<?, ?>) Json.parse(text);
        var builder = SendFailure.builder()
                .reason(FailureReason.valueOf((String) json.get("reason")))
                .carrierCode((String) json.get("carrierCode"))
                .detail((String) json.get("detail"));
        if (json.get("carrierReason") instanceof String reason) {
            builder.carrierReason(PermanentReason.valueOf(reason));
        }
        return builder.build();
    }
}
