/**
 * Contacts (saved profiles of phone numbers, with custom fields) and their subscription state:
 * opt-out and opt-in, by keyword or by a user, with history (F17, F18).
 */
package io.github.inboxkit.core.contact;
