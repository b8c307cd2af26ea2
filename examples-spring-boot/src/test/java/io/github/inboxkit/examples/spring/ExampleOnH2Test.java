package io.github.inboxkit.examples.spring;

import org.junit.jupiter.api.DisplayName;
import org.springframework.boot.test.context.SpringBootTest;

@DisplayName("F49 the Spring Boot example on H2, over real HTTP")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExampleOnH2Test extends ExampleOverHttp {}
