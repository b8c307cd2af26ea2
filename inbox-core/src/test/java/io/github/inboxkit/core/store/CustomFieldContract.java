package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.contact.CustomFieldValue;
import io.github.inboxkit.core.contact.InvalidCustomFieldException;
import io.github.inboxkit.core.contact.InvalidCustomFieldException.Limit;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: custom fields are bounded at the door and every stored contact reads back (F17, F34).
 * Numbers have at most 38 significant digits, 38 before and 38 after the decimal point; a contact
 * has at most 100 fields, names of at most 64 characters and text values of at most 2000.
 */
public abstract class CustomFieldContract extends StoreContractSupport {

    @Test
    @DisplayName("F17 a number of 1,001 digits is refused with a typed error naming the field and the bound")
    void longNumberRefused() {
        InvalidCustomFieldException refused = refusal("1".repeat(1001));

        assertThat(refused.fieldName()).isEqualTo("balance");
        assertThat(refused.limit()).isEqualTo(Limit.INTEGER_DIGITS);
        assertThat(refused.maximum()).isEqualTo(38);
        assertThat(refused.actual()).isEqualTo(1001);
        assertThat(refused).hasMessageContaining("'balance'").hasMessageContaining("1001")
                .hasMessageContaining("at most 38");
        assertThat(kit.contacts().findByPhone(account, phone(1))).isEmpty();
    }

    @Test
    @DisplayName("F17 numbers beyond the magnitude, scale or precision bounds are refused: 1E+100000, 1E+38, 1E-39, 39 digits")
    void boundsRefused() {
        assertThat(refusal("1E+100000").limit()).isEqualTo(Limit.INTEGER_DIGITS);
        assertThat(refusal("1E+100000").actual()).isEqualTo(100_001);
        assertThat(refusal("1E+38").limit()).isEqualTo(Limit.INTEGER_DIGITS);
        assertThat(refusal("-1E-39").limit()).isEqualTo(Limit.FRACTION_DIGITS);
        assertThat(refusal("1E-100000").limit()).isEqualTo(Limit.FRACTION_DIGITS);
        assertThat(refusal("1.23456789012345678901234567890123456789").limit()).isEqualTo(Limit.SIGNIFICANT_DIGITS);
    }

    @Test
    @DisplayName("F17 F34 numbers at the bounds read back exactly, scale included, on every store")
    void numbersAtTheBoundsReadBack() {
        Map<String, CustomFieldValue> fields = new LinkedHashMap<>();
        List<String> numbers = List.of("99999999999999999999999999999999999999", "-99999999999999999999999999999999999999",
                "0.00000000000000000000000000000000000001", "9.9999999999999999999999999999999999999",
                "1234567890123456789.0123456789012345678", "12.50", "0.00", "0", "-7");
        for (int i = 0; i < numbers.size(); i++) {
            fields.put("n" + i, CustomFieldValue.number(new BigDecimal(numbers.get(i))));
        }
        Contact saved = kit.contacts().create(account, phone(1), ContactDetails.builder().customFields(fields).build());

        assertThat(saved.customFields()).isEqualTo(fields);
        assertThat(kit.contacts().get(account, saved.id())).isEqualTo(saved);
    }

    @Test
    @DisplayName("F17 F34 a number with a negative scale is kept as the whole number it stands for, the same on every store")
    void negativeScaleKeptAsWholeNumber() {
        Contact saved = kit.contacts().create(account, phone(1), ContactDetails.builder()
                .putCustomFields("big", CustomFieldValue.number(new BigDecimal("1E+37"))).build());

        CustomFieldValue expected = CustomFieldValue.number(new BigDecimal("1" + "0".repeat(37)));
        assertThat(saved.customFields()).containsEntry("big", expected);
        assertThat(kit.contacts().get(account, saved.id()).customFields()).containsEntry("big", expected);
    }

    @Test
    @DisplayName("F17 sizes are bounded: 100 fields, names of 64 characters, text of 2000 characters")
    void sizesBounded() {
        Map<String, CustomFieldValue> many = new LinkedHashMap<>();
        for (int i = 0; i <= 100; i++) {
            many.put("f" + i, CustomFieldValue.flag(true));
        }
        assertThatThrownBy(() -> kit.contacts().create(account, phone(1),
                ContactDetails.builder().customFields(many).build())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> kit.contacts().create(account, phone(1), ContactDetails.builder()
                .putCustomFields("k".repeat(65), CustomFieldValue.flag(true)).build()))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CustomFieldValue.text("t".repeat(2001))).isInstanceOf(InvalidValueException.class);
        assertThat(kit.contacts().findByPhone(account, phone(1))).isEmpty();

        many.remove("f100");
        many.put("k".repeat(64), CustomFieldValue.text("t".repeat(2000)));
        many.remove("f0");
        Contact largest = kit.contacts().create(account, phone(1), ContactDetails.builder().customFields(many).build());
        assertThat(kit.contacts().get(account, largest.id())).isEqualTo(largest);
    }

    @Test
    @DisplayName("F17 F34 a contact stored with an out-of-bounds number (an older version) still reads back, and its inbox page too")
    void storedOutOfBoundsNumberReadsBack() {
        BigDecimal huge = new BigDecimal("7".repeat(1001) + "." + "3".repeat(50));
        Contact old = Contact.builder().id(ContactId.random()).phone(phoneNumber(1)).firstName("Old")
                .putCustomFields("balance", CustomFieldValue.number(huge))
                .putCustomFields("note", CustomFieldValue.text("kept"))
                .createdAt(START).updatedAt(START).build();
        store.inTransaction(account, tx -> {
            tx.contacts().insertContact(old);
            return null;
        });
        receive(phone(1), "hello");

        assertThat(kit.contacts().get(account, old.id())).isEqualTo(old);
        assertThat(kit.inbox().list(account, InboxQuery.openTab()).rows())
                .extracting(InboxRow::contactName).containsExactly(Optional.of("Old"));
        assertThat(kit.inbox().list(account, InboxQuery.builder().search("old").build()).rows()).hasSize(1);
    }

    private InvalidCustomFieldException refusal(String number) {
        InvalidCustomFieldException refused = catchThrowableOfType(InvalidCustomFieldException.class,
                () -> kit.contacts().create(account, phone(1), ContactDetails.builder()
                        .putCustomFields("balance", CustomFieldValue.number(new BigDecimal(number))).build()));
        assertThat(refused).as("refused with InvalidCustomFieldException").isNotNull();
        return refused;
    }
}
