package io.github.inboxkit.core.inbox;

import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.Require;

/**
 * Which conversations to list by assignee (F5): all, unassigned, or assigned to one user.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface AssignmentFilter {

    /** Every conversation, assigned or not. */
    record All() implements AssignmentFilter {}

    /** Conversations assigned to nobody. */
    record Unassigned() implements AssignmentFilter {}

    /**
     * Conversations assigned to one user.
     *
     * @param user the assignee
     */
    record AssignedTo(UserId user) implements AssignmentFilter {
        /** Checks the user is present. */
        public AssignedTo {
            Require.nonNull(user, "user");
        }
    }

    /** @return the filter that keeps every conversation */
    static AssignmentFilter all() {
        return new All();
    }

    /** @return the filter that keeps unassigned conversations */
    static AssignmentFilter unassigned() {
        return new Unassigned();
    }

    /**
     * The filter that keeps conversations assigned to a user.
     *
     * @param user the assignee
     * @return the filter
     */
    static AssignmentFilter assignedTo(UserId user) {
        return new AssignedTo(user);
    }
}
