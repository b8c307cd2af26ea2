package io.github.inboxkit.examples.spring;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountAlreadyExistsException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the demo account and its number at start-up, once per database. */
@Component
class DemoAccount implements ApplicationRunner {

    static final AccountId ACCOUNT = AccountId.of("acme");
    static final String MAIN_LINE = "+14155550100";

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccount.class);

    private final InboxKit kit;

    DemoAccount(InboxKit kit) {
        this.kit = kit;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            kit.administration().createAccount(ACCOUNT, "Acme Dental", AccountSettings.builder()
                    .senderIds(List.of(MAIN_LINE)).defaultSenderId(MAIN_LINE).build());
            LOG.info("created the demo account {}", ACCOUNT);
        } catch (AccountAlreadyExistsException alreadyThere) {
            LOG.info("the demo account {} exists already", ACCOUNT);
        }
    }
}
