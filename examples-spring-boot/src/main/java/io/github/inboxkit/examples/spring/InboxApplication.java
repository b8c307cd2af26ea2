package io.github.inboxkit.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small team-inbox backend on the InboxKit starter: the carrier's webhooks at {@code POST
 * /webhooks/simulator}, a REST call to send at {@code POST /api/accounts/{account}/messages}, and
 * the actuator's {@code /actuator/health} and {@code /actuator/metrics}. Everything InboxKit needs
 * comes from {@code application.properties}: the database (H2 in memory; PostgreSQL with the {@code
 * postgres} profile), the simulated carrier and its webhook secret, the webhook endpoint.
 *
 * <p>Run it with {@code mvn -B -q -pl examples-spring-boot -am verify -DskipTests -Prun}.
 */
@SpringBootApplication
public class InboxApplication {

    /** Created by Spring. */
    public InboxApplication() {}

    /**
     * Starts the application.
     *
     * @param args Spring Boot's command line, e.g. {@code --spring.profiles.active=postgres}
     */
    public static void main(String[] args) {
        SpringApplication.run(InboxApplication.class, args);
    }
}
