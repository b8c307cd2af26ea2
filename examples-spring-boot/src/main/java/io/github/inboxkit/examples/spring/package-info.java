/**
 * A Spring Boot application on the InboxKit starter: the whole wiring is properties, plus the
 * application's own REST controller and event listener.
 */
package io.github.inboxkit.examples.spring;
