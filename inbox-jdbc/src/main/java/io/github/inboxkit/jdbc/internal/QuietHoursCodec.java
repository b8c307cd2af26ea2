package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.compliance.QuietHoursPolicy;
import io.github.inboxkit.core.compliance.QuietHoursRule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of an account's quiet-hours policy (F41) inside its settings column: {@code
 * {"off":true}}, or the default rule (or null), the rules by region, the categories covered and the
 * conversational exemption; a rule is its window and its excluded days and dates. Stateless.
 */
final class QuietHoursCodec {

    private QuietHoursCodec() {}

    static Map<String, Object> write(QuietHoursPolicy policy) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (policy.isOff()) {
            json.put("off", true);
            return json;
        }
        json.put("defaultRule", policy.defaultRule().map(QuietHoursCodec::writeRule).orElse(null));
        Map<String, Object> regions = new LinkedHashMap<>();
        policy.regionRules().forEach((region, rule) -> regions.put(region, writeRule(rule)));
        json.put("regionRules", regions);
        json.put("coveredCategories", policy.coveredCategories().stream().map(Enum::name).sorted().toList());
        json.put("conversationalExemption", policy.conversationalExemption().toString());
        return json;
    }

    static QuietHoursPolicy read(Object value) {
        if (!(value instanceof Map<?, ?> json) || Boolean.TRUE.equals(json.get("off"))) {
            return QuietHoursPolicy.off();
        }
        QuietHoursPolicy.Builder builder = QuietHoursPolicy.builder();
        if (json.get("defaultRule") instanceof Map<?, ?> rule) {
            builder.defaultRule(readRule(rule));
        } else {
            builder.noDefaultRule();
        }
        if (json.get("regionRules") instanceof Map<?, ?> regions) {
            regions.forEach((region, rule) -> builder.regionRule((String) region, readRule((Map<?, ?>) rule)));
        }
        if (json.get("coveredCategories") instanceof List<?> categories) {
            builder.coveredCategories(categories.stream().map(name -> MessageCategory.valueOf((String) name)).toList());
        }
        if (json.get("conversationalExemption") instanceof String exemption) {
            builder.conversationalExemption(Duration.parse(exemption));
        }
        return builder.build();
    }

    private static Map<String, Object> writeRule(QuietHoursRule rule) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("start", rule.start().toString());
        json.put("end", rule.end().toString());
        json.put("excludedDays", rule.excludedDays().stream().map(Enum::name).sorted().toList());
        json.put("excludedDates", rule.excludedDates().stream().map(LocalDate::toString).sorted().toList());
        return json;
    }

    private static QuietHoursRule readRule(Map<?, ?> json) {
        QuietHoursRule rule = QuietHoursRule.between(LocalTime.parse((String) json.get("start")),
                LocalTime.parse((String) json.get("end")));
        if (json.get("excludedDays") instanceof List<?> days && !days.isEmpty()) {
            rule = rule.excludingDays(days.stream().map(day -> DayOfWeek.valueOf((String) day)).toArray(DayOfWeek[]::new));
        }
        if (json.get("excludedDates") instanceof List<?> dates && !dates.isEmpty()) {
            List<LocalDate> parsed = new ArrayList<>();
            dates.forEach(date -> parsed.add(LocalDate.parse((String) date)));
            rule = rule.excludingDates(parsed);
        }
        return rule;
    }
}
