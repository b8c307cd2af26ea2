package io.github.inboxkit.core.blocking.internal;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.blocking.Block;
import io.github.inboxkit.core.blocking.BlockedLogEntry;
import io.github.inboxkit.core.blocking.Blocking;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.internal.Step;
import io.github.inboxkit.core.internal.UnitOfWork;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.text.TextPolicy;
import java.util.List;
import java.util.Optional;

/**
 * The use cases of contact blocking (F38), each one transaction of the engine's unit of work. The
 * rule that ingestion and sending apply to blocked numbers is {@code core.internal.Blocklist}.
 *
 * <p>Thread-safe: it holds no state of its own.
 */
public final class BlockingService implements Blocking {

    private final UnitOfWork unitOfWork;

    /**
     * Creates the service; only the front door does.
     *
     * @param unitOfWork the engine's unit of work
     */
    public BlockingService(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Block block(AccountId account, String number, String reason, UserId by) {
        Require.nonNull(number, "number");
        Require.nonNull(reason, "reason");
        Require.nonNull(by, "by");
        TextPolicy.requireStorable(reason, "reason");
        return unitOfWork.run(account, step -> {
            PhoneNumber phone = phone(step, number);
            step.user(by);
            // the block's own check refuses a blank or too long reason, before anything is written
            Block block = Block.builder().phone(phone).reason(reason).blockedBy(by).blockedAt(step.now()).build();
            step.tx().blocks().saveBlock(block);
            step.publish(new InboxEvent.ContactBlocked(account, block));
            return block;
        });
    }

    @Override
    public boolean unblock(AccountId account, String number, UserId by) {
        Require.nonNull(number, "number");
        Require.nonNull(by, "by");
        return unitOfWork.run(account, step -> {
            PhoneNumber phone = phone(step, number);
            step.user(by);
            boolean was = step.tx().blocks().deleteBlock(phone);
            if (was) {
                step.publish(new InboxEvent.ContactUnblocked(account, phone, by, step.now()));
            }
            return was;
        });
    }

    @Override
    public Optional<Block> find(AccountId account, String number) {
        Require.nonNull(number, "number");
        return unitOfWork.run(account, step -> step.tx().blocks().findBlock(phone(step, number)));
    }

    @Override
    public List<Block> blocks(AccountId account) {
        return unitOfWork.run(account, step -> {
            step.account();
            return step.tx().blocks().listBlocks();
        });
    }

    @Override
    public List<BlockedLogEntry> blockedLog(AccountId account) {
        return unitOfWork.run(account, step -> {
            step.account();
            return step.tx().blocks().blockedLog();
        });
    }

    /** Reads the number as ingestion does: with the account's default region. */
    private static PhoneNumber phone(Step step, String number) {
        return PhoneNumber.parse(number, step.account().settings().defaultRegion());
    }
}
