package io.github.inboxkit.carrier;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the carrier SPI's packages free of cycles: the simulator uses the SPI, never the reverse. */
class PackageCyclesTest {

    @Test
    @DisplayName("no package cycles in the carrier SPI: the SPI and its simulator")
    void noPackageCycles() throws Exception {
        // the SPI's own classes only, read from where it was loaded
        Path classes = Path.of(Carrier.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses spi = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(classes);
        assertThat(spi.containPackage("io.github.inboxkit.carrier.simulator")).isTrue();

        slices().matching("io.github.inboxkit.(**)").namingSlices("package io.github.inboxkit.$1")
                .should().beFreeOfCycles().check(spi);
    }
}
