package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactAlreadyExistsException;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.contact.Contacts;
import io.github.inboxkit.core.contact.CustomFieldValue;
import io.github.inboxkit.core.contact.NoSuchContactException;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.ConsentImport;
import io.github.inboxkit.core.contact.RevocationDecision;
import io.github.inboxkit.core.contact.RevocationReview;
import io.github.inboxkit.core.contact.RevocationReviewId;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.template.NoSuchTemplateException;
import io.github.inboxkit.core.template.RenderedTemplate;
import io.github.inboxkit.core.template.Template;
import io.github.inboxkit.core.Require;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Contacts and manual subscription changes (F17, F18). */
final class ContactService implements Contacts {

    /** The most revocation reviews one listing or one deadline sweep handles. */
    private static final int MAX_REVIEWS = 500;

    private final UnitOfWork unitOfWork;

    ContactService(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Contact createFromConversation(AccountId account, ConversationId conversation, ContactDetails details) {
        Objects.requireNonNull(details, "details");
        return unitOfWork.run(account, step ->
                insert(step, ConversationService.find(step, conversation).contactPhone(), details));
    }

    @Override
    public Contact create(AccountId account, String phone, ContactDetails details) {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(details, "details");
        return unitOfWork.run(account, step ->
                insert(step, PhoneNumber.parse(phone, step.account().settings().defaultRegion()), details));
    }

    private static Contact insert(Step step, PhoneNumber phone, ContactDetails details) {
        step.account();
        step.tx.contacts().findContactByPhone(phone).ifPresent(existing -> {
            throw new ContactAlreadyExistsException(existing.id());
        });
        Contact contact = Contact.builder()
                .id(ContactId.random())
                .phone(phone)
                .firstName(details.firstName())
                .lastName(details.lastName())
                .customFields(customFields(details))
                .createdAt(step.now)
                .updatedAt(step.now)
                .build();
        step.tx.contacts().insertContact(contact);
        return contact;
    }

    @Override
    public Contact update(AccountId account, ContactId contact, ContactDetails details) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(details, "details");
        return unitOfWork.run(account, step -> {
            Contact existing = find(step, contact);
            Contact updated = Contact.builder().from(existing)
                    .firstName(details.firstName())
                    .lastName(details.lastName())
                    .customFields(customFields(details))
                    .updatedAt(step.now)
                    .build();
            step.tx.contacts().updateContact(updated);
            return updated;
        });
    }

    @Override
    public Contact get(AccountId account, ContactId contact) {
        Objects.requireNonNull(contact, "contact");
        return unitOfWork.run(account, step -> find(step, contact));
    }

    @Override
    public Optional<Contact> findByPhone(AccountId account, String phone) {
        Objects.requireNonNull(phone, "phone");
        return unitOfWork.run(account, step ->
                step.tx.contacts().findContactByPhone(PhoneNumber.parse(phone, step.account().settings().defaultRegion())));
    }

    @Override
    public OptOutRecord unsubscribe(AccountId account, PhoneNumber phone, UserId by) {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(by, "by");
        return unitOfWork.run(account, step -> {
            requireUser(step, by);
            Optional<OptOutRecord> latest = step.tx.consent().latestOptOutRecord(phone);
            if (latest.isPresent() && Subscriptions.optsOut(latest.get())) {
                return latest.get();
            }
            return Subscriptions.byUser(step, phone, by, OptOutAction.OPTED_OUT);
        });
    }

    @Override
    public Optional<OptOutRecord> resubscribe(AccountId account, PhoneNumber phone, UserId by) {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(by, "by");
        return unitOfWork.run(account, step -> {
            requireUser(step, by);
            Optional<OptOutRecord> latest = step.tx.consent().latestOptOutRecord(phone);
            if (!Subscriptions.isOptedOut(step.tx, phone)) {
                // an erased number without records may still be opted out (F40): it is resubscribed too
                return latest;
            }
            return Optional.of(Subscriptions.byUser(step, phone, by, OptOutAction.OPTED_IN));
        });
    }

    @Override
    public boolean isOptedOut(AccountId account, PhoneNumber phone) {
        Objects.requireNonNull(phone, "phone");
        return unitOfWork.run(account, step -> {
            step.account();
            return Subscriptions.isOptedOut(step.tx, phone);
        });
    }

    @Override
    public List<OptOutRecord> subscriptionHistory(AccountId account, PhoneNumber phone) {
        Objects.requireNonNull(phone, "phone");
        return unitOfWork.run(account, step -> {
            step.account();
            return step.tx.consent().optOutHistory(phone);
        });
    }

    @Override
    public List<OptOutRecord> consentHistory(AccountId account, ContactId contact) {
        Objects.requireNonNull(contact, "contact");
        return unitOfWork.run(account, step -> step.tx.consent().optOutHistory(find(step, contact).phone()));
    }

    @Override
    public List<OptOutRecord> importConsent(AccountId account, ConsentImport consent) {
        Objects.requireNonNull(consent, "consent");
        return unitOfWork.run(account, step -> {
            step.account();
            return Subscriptions.imported(step, consent.entries(), consent.actor());
        });
    }

    @Override
    public List<RevocationReview> revocationReviews(AccountId account, int limit) {
        Require.argument(limit >= 1 && limit <= MAX_REVIEWS, "limit", "must be 1 to " + MAX_REVIEWS);
        return unitOfWork.run(account, step -> {
            step.account();
            // every open review: a deadline is ten business days after its message
            return step.tx.consent().listOpenRevocationReviews(step.now.plus(Duration.ofDays(3650)), limit);
        });
    }

    @Override
    public RevocationReview resolveRevocationReview(AccountId account, RevocationReviewId review,
            RevocationDecision decision, UserId by) {
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(by, "by");
        return unitOfWork.run(account, step -> {
            requireUser(step, by);
            return Subscriptions.resolve(step, review, decision, by);
        });
    }

    @Override
    public List<RevocationReview> honourOverdueRevocations(AccountId account) {
        return unitOfWork.run(account, step -> {
            step.account();
            return Subscriptions.honourOverdue(step, MAX_REVIEWS);
        });
    }

    @Override
    public RenderedTemplate renderTemplate(AccountId account, ContactId contact, String templateName) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(templateName, "templateName");
        return unitOfWork.run(account, step -> {
            Contact found = find(step, contact);
            String body = step.account().settings().templates().get(templateName);
            if (body == null) {
                throw new NoSuchTemplateException(account, templateName);
            }
            return Template.of(templateName, body).render(found.mergeFields());
        });
    }

    /**
     * The details' custom fields as every store keeps them: a number with a negative scale
     * ({@code 1E+3}) as the whole number it is ({@code 1000}), since stores write numbers in plain
     * notation and would read it back with scale 0; other numbers keep their scale ({@code 12.50}).
     */
    private static Map<String, CustomFieldValue> customFields(ContactDetails details) {
        Map<String, CustomFieldValue> fields = new LinkedHashMap<>();
        details.customFields().forEach((name, value) -> fields.put(name,
                value instanceof CustomFieldValue.Number number && number.value().scale() < 0
                        ? CustomFieldValue.number(number.value().setScale(0))
                        : value));
        return fields;
    }

    private static Contact find(Step step, ContactId id) {
        step.account();
        return step.tx.contacts().findContact(id).orElseThrow(() -> new NoSuchContactException(id));
    }

    private static void requireUser(Step step, UserId user) {
        step.account();
        step.user(user);
    }
}
