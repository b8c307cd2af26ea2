package io.github.inboxkit.core.sending.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    @DisplayName("F19 100,000 recipients in batches of 500 make 200 transactions, not one nor 100,000")
    void hundredThousandRecipients() {
        List<Integer> recipients = IntStream.range(0, 100_000).boxed().collect(Collectors.toList());
        List<List<Integer>> batches = Batches.of(recipients, 500);
        assertThat(batches).hasSize(200).allSatisfy(batch -> assertThat(batch).hasSize(500));
    }

    @Test
    @DisplayName("a batch size below one is refused")
    void badSize() {
        assertThatThrownBy(() -> Batches.of(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    @Label("F19 F30 batches are bounded, non-empty, and concatenate back to the input in order")
    void batchesPartitionTheInput(
            @ForAll @IntRange(min = 0, max = 3000) int count, @ForAll @IntRange(min = 1, max = 1000) int size) {
        List<Integer> items = IntStream.range(0, count).boxed().collect(Collectors.toList());
        List<List<Integer>> batches = Batches.of(items, size);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).isNotEmpty().hasSizeLessThanOrEqualTo(size));
        assertThat(batches.stream().flatMap(List::stream).collect(Collectors.toList())).isEqualTo(items);
        assertThat(batches).hasSize((count + size - 1) / size);
    }
}
