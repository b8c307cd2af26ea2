/**
 * Accounts (the tenants of one InboxKit database), their settings, the team members who work in
 * them, and plan entitlements. The {@link io.github.inboxkit.core.account.Administration} use
 * cases create and configure them.
 */
package io.github.inboxkit.core.account;
