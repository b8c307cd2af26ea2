package io.github.inboxkit.examples.spring;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.NoSuchAccountException;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST calls a team-inbox front end makes to send: queue a message (the dispatcher sends it),
 * then read its status. InboxKit's refusals become problem details: 404 for an unknown account or
 * message, 422 for anything else the engine refused (an opted-out contact, a bad number, ...).
 */
@RestController
@RequestMapping("/api/accounts/{account}/messages")
class MessagesController {

    /** What the front end posts. */
    record SendCommand(String to, String text) {}

    /** What it gets back: the message's id and its status in the outbox. */
    record MessageView(String messageId, String status, String carrierId) {
        static MessageView of(OutboxEntry entry) {
            return new MessageView(entry.messageId().toString(), entry.status().name(), entry.carrierId());
        }
    }

    private final InboxKit kit;

    MessagesController(InboxKit kit) {
        this.kit = kit;
    }

    @PostMapping
    ResponseEntity<MessageView> send(@PathVariable String account, @RequestBody SendCommand command) {
        OutboxEntry queued = kit.sending().send(AccountId.of(account), SendRequest.builder()
                .to(Recipient.number(command.to())).draft(Draft.ofText(command.text())).build());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(MessageView.of(queued));
    }

    @GetMapping("/{messageId}")
    ResponseEntity<MessageView> status(@PathVariable String account, @PathVariable String messageId) {
        return kit.sending().outboxEntry(AccountId.of(account), MessageId.parse(messageId))
                .map(entry -> ResponseEntity.ok(MessageView.of(entry)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @ExceptionHandler(NoSuchAccountException.class)
    ProblemDetail noSuchAccount(NoSuchAccountException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InboxException.class)
    ProblemDetail refused(InboxException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }
}
