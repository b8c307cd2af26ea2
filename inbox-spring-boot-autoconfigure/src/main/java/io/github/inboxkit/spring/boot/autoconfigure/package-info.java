/**
 * Spring Boot auto-configuration for InboxKit: the JDBC store on the application's {@code
 * DataSource}, carriers from {@code inboxkit.carriers.*}, the engine, the dispatcher and
 * retention purge as lifecycle beans, a webhook endpoint on Spring MVC, events as application
 * events, and Micrometer metrics and an Actuator health indicator when those are present. Every
 * bean backs off when the application defines its own; {@link
 * io.github.inboxkit.spring.boot.autoconfigure.InboxKitProperties} lists the properties.
 */
package io.github.inboxkit.spring.boot.autoconfigure;
