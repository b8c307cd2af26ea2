package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.account.NoSuchUserException;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactAlreadyExistsException;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.contact.CustomFieldValue;
import io.github.inboxkit.core.contact.NoSuchContactException;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.event.InboxEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract: contacts and manual subscription changes (F17, F18). */
public abstract class ContactContract extends StoreContractSupport {

    @Test
    @DisplayName("F17 create a contact from a conversation's number with custom fields, then edit it")
    void createAndEdit() {
        ConversationId id = idOf(receive("06 12 34 56 78", "hello"));

        Contact created = kit.contacts().createFromConversation(account, id, ContactDetails.builder()
                .firstName("Zoé")
                .putCustomFields("company", CustomFieldValue.text("Acme"))
                .putCustomFields("visits", CustomFieldValue.number(new BigDecimal("3")))
                .putCustomFields("vip", CustomFieldValue.flag(true))
                .build());
        assertThat(created.phone().e164()).isEqualTo("+33612345678");
        assertThat(kit.contacts().get(account, created.id())).isEqualTo(created);

        advance(Duration.ofMinutes(1));
        Contact edited = kit.contacts().update(account, created.id(), ContactDetails.builder()
                .firstName("Zoé").lastName("Durand")
                .putCustomFields("company", CustomFieldValue.text("Acme SA"))
                .build());

        assertThat(edited.fullName()).contains("Zoé Durand");
        assertThat(edited.customFields()).isEqualTo(Map.of("company", CustomFieldValue.text("Acme SA")));
        assertThat(edited.createdAt()).isEqualTo(START);
        assertThat(edited.updatedAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(kit.contacts().findByPhone(account, "+33 6 12 34 56 78")).contains(edited);
    }

    @Test
    @DisplayName("F17 one contact per number: a second one is refused, naming the existing contact")
    void oneContactPerNumber() {
        Contact first = kit.contacts().create(account, phone(1), ContactDetails.builder().firstName("A").build());
        assertThatThrownBy(() -> kit.contacts().create(account, phone(1), ContactDetails.builder().build()))
                .isInstanceOfSatisfying(ContactAlreadyExistsException.class,
                        e -> assertThat(e.existing()).isEqualTo(first.id()));
    }

    @Test
    @DisplayName("F17 invalid custom field names are refused with a typed error")
    void invalidFieldName() {
        assertThatThrownBy(() -> kit.contacts().create(account, phone(1), ContactDetails.builder()
                .putCustomFields("bad name!", CustomFieldValue.text("x")).build()))
                .isInstanceOf(InvalidValueException.class);
        assertThat(kit.contacts().findByPhone(account, phone(1))).isEmpty();
    }

    @Test
    @DisplayName("F18 a user unsubscribes and re-subscribes a number by hand, with history")
    void manualSubscription() {
        OptOutRecord out = kit.contacts().unsubscribe(account, phoneNumber(1), alice);
        advance(Duration.ofHours(1));
        OptOutRecord in = kit.contacts().resubscribe(account, phoneNumber(1), bob).orElseThrow();

        assertThat(out.action()).isEqualTo(OptOutAction.OPTED_OUT);
        assertThat(out.source()).isEqualTo(OptOutSource.USER);
        assertThat(out.changedBy()).contains(alice);
        assertThat(in.action()).isEqualTo(OptOutAction.OPTED_IN);
        assertThat(in.recordedAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(kit.contacts().subscriptionHistory(account, phoneNumber(1))).containsExactly(out, in);
        assertThat(kit.contacts().isOptedOut(account, phoneNumber(1))).isFalse();
        assertThat(eventsOf(InboxEvent.SubscriptionChanged.class)).hasSize(2);
    }

    @Test
    @DisplayName("F18 unsubscribing twice records once; re-subscribing a subscribed number records nothing")
    void manualSubscriptionIdempotent() {
        kit.contacts().unsubscribe(account, phoneNumber(1), alice);
        kit.contacts().unsubscribe(account, phoneNumber(1), bob);
        assertThat(kit.contacts().resubscribe(account, phoneNumber(2), alice)).isEmpty();

        assertThat(kit.contacts().subscriptionHistory(account, phoneNumber(1))).hasSize(1);
        assertThat(kit.contacts().subscriptionHistory(account, phoneNumber(2))).isEmpty();
        assertThatThrownBy(() -> kit.contacts().unsubscribe(account, phoneNumber(3), UserId.of("ghost")))
                .isInstanceOf(NoSuchUserException.class);
    }

    @Test
    @DisplayName("F23 an account template is filled from a contact: built-in names, phone and custom fields")
    void templateFromContact() {
        io.github.inboxkit.core.account.AccountId withTemplates = newAccount(
                io.github.inboxkit.core.account.AccountSettings.builder().defaultRegion("FR")
                        .putTemplates("reminder", "Hi {{firstName|there}} {{lastName}} ({{fullName}}), {{company}}:"
                                + " {{visits}} visits, VIP {{vip}}. We call {{phone}}.")
                        .putTemplates("bare", "Hello {{firstName}}")
                        .build());
        Contact zoe = kit.contacts().create(withTemplates, phone(1), ContactDetails.builder()
                .firstName("Zoé").lastName("Durand")
                .putCustomFields("company", CustomFieldValue.text("Acme"))
                .putCustomFields("visits", CustomFieldValue.number(new BigDecimal("12.50")))
                .putCustomFields("vip", CustomFieldValue.flag(true))
                .build());

        io.github.inboxkit.core.template.RenderedTemplate rendered =
                kit.contacts().renderTemplate(withTemplates, zoe.id(), "reminder");

        assertThat(rendered.text()).isEqualTo("Hi Zoé Durand (Zoé Durand), Acme: 12.50 visits, VIP yes. We call "
                + phone(1) + ".");
        assertThat(rendered.count().segmentCount()).isEqualTo(1);

        Contact anonymous = kit.contacts().create(withTemplates, phone(2), ContactDetails.builder().build());
        assertThatThrownBy(() -> kit.contacts().renderTemplate(withTemplates, anonymous.id(), "bare"))
                .isInstanceOfSatisfying(io.github.inboxkit.core.template.MissingMergeFieldException.class,
                        e -> assertThat(e.missingFields()).containsExactly("firstName"));
        assertThatThrownBy(() -> kit.contacts().renderTemplate(withTemplates, zoe.id(), "no-such"))
                .isInstanceOfSatisfying(io.github.inboxkit.core.template.NoSuchTemplateException.class, e -> {
                    assertThat(e.templateName()).isEqualTo("no-such");
                    assertThat(e.account()).isEqualTo(withTemplates);
                });
        assertThatThrownBy(() -> kit.contacts().renderTemplate(account, zoe.id(), "reminder"))
                .isInstanceOf(NoSuchContactException.class);
    }
}
