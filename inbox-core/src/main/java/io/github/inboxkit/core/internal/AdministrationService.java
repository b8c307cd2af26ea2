package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.text.TextPolicy;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountAlreadyExistsException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.Administration;
import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserAlreadyExistsException;
import io.github.inboxkit.core.account.UserId;
import java.util.List;
import java.util.Objects;

/** Accounts and users. */
final class AdministrationService implements Administration {

    private final UnitOfWork unitOfWork;

    AdministrationService(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Account createAccount(AccountId id, String name, AccountSettings settings) {
        Objects.requireNonNull(id, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        TextPolicy.requireStorable(name, "name");
        requireStorable(settings);
        return unitOfWork.run(id, step -> {
            if (step.tx.accounts().findAccount().isPresent()) {
                throw new AccountAlreadyExistsException(id);
            }
            Account account = Account.builder().id(id).name(name).settings(settings).createdAt(step.now).build();
            step.tx.accounts().insertAccount(account);
            ReceivingNumbers.claimSettings(step, id, settings);
            return account;
        });
    }

    @Override
    public Account account(AccountId id) {
        Objects.requireNonNull(id, "account");
        return unitOfWork.run(id, Step::account);
    }

    @Override
    public Account updateSettings(AccountId id, AccountSettings settings) {
        Objects.requireNonNull(id, "account");
        Objects.requireNonNull(settings, "settings");
        requireStorable(settings);
        return unitOfWork.run(id, step -> {
            Account updated = Account.builder().from(step.account()).settings(settings).build();
            step.tx.accounts().updateAccount(updated);
            ReceivingNumbers.claimSettings(step, id, settings);
            return updated;
        });
    }

    @Override
    public User addUser(AccountId account, UserId id, String displayName) {
        Objects.requireNonNull(id, "user");
        Objects.requireNonNull(displayName, "displayName");
        TextPolicy.requireStorable(displayName, "displayName");
        return unitOfWork.run(account, step -> {
            step.account();
            if (step.tx.team().findUser(id).isPresent()) {
                throw new UserAlreadyExistsException(id);
            }
            User user = User.builder().id(id).displayName(displayName).createdAt(step.now).build();
            step.tx.team().insertUser(user);
            return user;
        });
    }

    @Override
    public User renameUser(AccountId account, UserId id, String displayName) {
        Objects.requireNonNull(displayName, "displayName");
        TextPolicy.requireStorable(displayName, "displayName");
        return unitOfWork.run(account, step -> {
            User renamed = User.builder().from(find(step, id)).displayName(displayName).build();
            step.tx.team().updateUser(renamed);
            return renamed;
        });
    }

    @Override
    public User user(AccountId account, UserId id) {
        return unitOfWork.run(account, step -> find(step, id));
    }

    @Override
    public List<User> users(AccountId account) {
        return unitOfWork.run(account, step -> {
            step.account();
            return step.tx.team().listUsers();
        });
    }

    /**
     * Refuses settings with text no store could keep. Checked here, where settings come in, and not
     * by {@link AccountSettings} itself, which is also built from what a store read back.
     */
    private static void requireStorable(AccountSettings settings) {
        settings.optOutKeywords().forEach(keyword -> TextPolicy.requireStorable(keyword, "optOutKeywords"));
        settings.optInKeywords().forEach(keyword -> TextPolicy.requireStorable(keyword, "optInKeywords"));
        settings.senderIds().forEach(senderId -> TextPolicy.requireStorable(senderId, "senderIds"));
        settings.numberPools().keySet().forEach(pool -> TextPolicy.requireStorable(pool, "numberPools"));
        settings.nationalLanguageTables().forEach(table -> TextPolicy.requireStorable(table, "nationalLanguageTables"));
        settings.templates().forEach((name, body) -> {
            TextPolicy.requireStorable(name, "templates");
            TextPolicy.requireStorable(body, "templates." + name);
        });
    }

    private static User find(Step step, UserId id) {
        Objects.requireNonNull(id, "user");
        step.account();
        return step.user(id);
    }
}
