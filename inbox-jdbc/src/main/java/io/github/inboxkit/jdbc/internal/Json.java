package io.github.inboxkit.jdbc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The JSON text of the few structured columns of the schema (account settings, custom fields,
 * media references), written and read with Jackson as plain maps (insertion-ordered), lists,
 * strings, numbers, booleans and null.
 *
 * <p>Thread-safe: the one mapper is configured here and never changed afterwards, which is what
 * makes Jackson's {@link ObjectMapper} safe to share.
 */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // these columns hold only what this class wrote: a number of any length reads
                    // back (Jackson's default refuses more than 1,000 characters, and a custom field
                    // stored before numbers were bounded would make its contact unreadable)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE).build())
                    .build())
            // decimals keep their scale (a custom field "12.50" reads back as 12.50, not 12.5)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // never "1E+3": the column stays readable by hand and by SQL
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {}

    /**
     * Writes maps, lists, strings, numbers, booleans and null as JSON text.
     *
     * @throws IllegalArgumentException if the value holds something else
     */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Parses JSON text into maps (insertion-ordered), lists, strings, numbers (whole numbers as
     * {@link Integer}, {@link Long} or {@link BigInteger}, others as {@link BigDecimal}; see
     * {@link #decimal}), booleans and null.
     *
     * @throws IllegalArgumentException if the text is not JSON
     */
    static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The exact decimal value of a number returned by {@link #parse}. */
    static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        return BigDecimal.valueOf(number.longValue());
    }
}
