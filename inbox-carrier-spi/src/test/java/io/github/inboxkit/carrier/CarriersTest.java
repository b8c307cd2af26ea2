package io.github.inboxkit.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarriersTest {

    @Test
    @DisplayName("F29 the simulator is found by ServiceLoader under its id and configured from the map")
    void loadsSimulatorByServiceLoader() {
        Carrier carrier = Carriers.load("simulator", Map.of("mms", "false", "seed", "7"));
        assertThat(carrier).isInstanceOf(SimulatedCarrier.class);
        assertThat(carrier.capabilities().mms()).isFalse();
        assertThat(Carriers.availableIds()).contains("simulator");
    }

    @Test
    @DisplayName("F29 an unknown id is a typed error that lists the known ids")
    void unknownId() {
        assertThatThrownBy(() -> Carriers.load("acme", Map.of()))
                .isInstanceOfSatisfying(UnknownCarrierException.class, e -> {
                    assertThat(e.requestedId()).isEqualTo("acme");
                    assertThat(e.knownIds()).contains("simulator");
                    assertThat(e.getMessage()).contains("'acme'").contains("simulator");
                });
    }

    @Test
    @DisplayName("F29 explicitly registered providers win over discovered ones")
    void explicitFirst() {
        Carrier mine = SimulatedCarrier.builder().seed(42).build();
        CarrierProvider explicit = new CarrierProvider() {
            @Override
            public String id() {
                return "simulator";
            }

            @Override
            public Carrier create(Map<String, String> configuration) {
                return mine;
            }
        };
        assertThat(Carriers.load("simulator", Map.of(), List.of(explicit))).isSameAs(mine);
    }

    @Test
    @DisplayName("F29 a provider's bad configuration is a typed error naming the setting")
    void badConfiguration() {
        assertThatThrownBy(() -> Carriers.load("simulator", Map.of("transientFailureRate", "lots")))
                .isInstanceOfSatisfying(CarrierConfigurationException.class,
                        e -> assertThat(e.setting()).isEqualTo("transientFailureRate"));
        assertThatThrownBy(() -> Carriers.load("simulator", Map.of("sed", "1")))
                .isInstanceOfSatisfying(CarrierConfigurationException.class, e -> {
                    assertThat(e.setting()).isEqualTo("sed");
                    assertThat(e.getMessage()).contains("seed");
                });
    }

    @Test
    @DisplayName("F29 a broken provider on the class path is reported with its class name, not swallowed")
    void brokenProviderIsNamed(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(CarrierProvider.class.getName()),
                "com.example.missing.BrokenCarrierProvider\n", StandardCharsets.UTF_8);
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, original)) {
            thread.setContextClassLoader(loader);
            assertThatThrownBy(() -> Carriers.load("acme", Map.of()))
                    .isInstanceOfSatisfying(UnknownCarrierException.class, e -> {
                        assertThat(e.brokenProviders()).anySatisfy(
                                broken -> assertThat(broken).contains("com.example.missing.BrokenCarrierProvider"));
                        assertThat(e.getSuppressed()).isNotEmpty();
                        assertThat(e.getMessage()).contains("BrokenCarrierProvider");
                    });
            // The healthy simulator is still usable next to the broken provider.
            assertThat(Carriers.load("simulator", Map.of())).isInstanceOf(SimulatedCarrier.class);
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    /** A second provider claiming the simulator's id, listed through a test class loader. */
    public static final class ImpostorProvider implements CarrierProvider {
        /** Called by ServiceLoader. */
        public ImpostorProvider() {}

        @Override
        public String id() {
            return "simulator";
        }

        @Override
        public Carrier create(Map<String, String> configuration) {
            return SimulatedCarrier.create();
        }
    }

    @Test
    @DisplayName("F29 two discovered providers claiming one id is a configuration error naming both classes")
    void ambiguousId(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(CarrierProvider.class.getName()), ImpostorProvider.class.getName() + "\n",
                StandardCharsets.UTF_8);
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, original)) {
            thread.setContextClassLoader(loader);
            assertThatThrownBy(() -> Carriers.load("simulator", Map.of()))
                    .isInstanceOf(CarrierConfigurationException.class)
                    .hasMessageContaining("ImpostorProvider")
                    .hasMessageContaining("SimulatedCarrierProvider");
        } finally {
            thread.setContextClassLoader(original);
        }
    }
}
