package io.github.inboxkit.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccountIdTest {

    @Test
    @DisplayName("F33 F34 an id with an unpaired surrogate is refused: PostgreSQL would store it as '?' and two ids could become one")
    void unpairedSurrogateRefused() {
        assertThatThrownBy(() -> AccountId.of("acme\uD83D")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("unpaired surrogate (at index 4)");
        assertThatThrownBy(() -> AccountId.of("\uDE00acme")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> UserId.of("al\uD83Dice")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    @DisplayName("F33 an id with whole surrogate pairs (an emoji) is kept as written")
    void wholePairsKept() {
        assertThat(AccountId.of("acme-\uD83D\uDE00").value()).isEqualTo("acme-\uD83D\uDE00");
        assertThat(UserId.of("\uD83D\uDE00").value()).isEqualTo("\uD83D\uDE00");
    }
}
