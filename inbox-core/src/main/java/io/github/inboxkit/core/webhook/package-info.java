/**
 * The webhook front door (F45): one call takes a carrier's raw webhook request, lets the carrier
 * verify and parse it, routes each inbound message and delivery report to the account that owns
 * its number, stores them, and answers with a typed outcome that carries the HTTP status and body
 * to send back. A host's webhook endpoint is a few lines in any web framework.
 */
package io.github.inboxkit.core.webhook;
