/**
 * Phone numbers in E.164 form (parsed with libphonenumber, with the account's default region for
 * national formats) and the sender IDs messages leave from: long codes, short codes and
 * alphanumeric IDs.
 */
package io.github.inboxkit.core.phone;
