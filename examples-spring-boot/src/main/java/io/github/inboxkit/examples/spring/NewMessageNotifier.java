package io.github.inboxkit.examples.spring;

import io.github.inboxkit.core.event.InboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where a host pushes a browser notification: InboxKit's events arrive as Spring application
 * events, after the change is committed. This one logs ids and counters only (events carry no
 * phone number or text).
 */
@Component
class NewMessageNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(NewMessageNotifier.class);

    @EventListener
    void onMessageReceived(InboxEvent.MessageReceived event) {
        LOG.info("new message in account {}: {} conversation(s) with unread messages", event.account(),
                event.badge());
    }
}
