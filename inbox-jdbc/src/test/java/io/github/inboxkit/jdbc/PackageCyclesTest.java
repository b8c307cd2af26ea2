package io.github.inboxkit.jdbc;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps inbox-jdbc's packages free of cycles, as inbox-core's ArchitectureTest does for the core. */
class PackageCyclesTest {

    @Test
    @DisplayName("no package cycles in inbox-jdbc: its public factory, its dialects and its internal machinery")
    void noPackageCycles() throws Exception {
        // inbox-jdbc's own classes only, read from where its factory was loaded
        Path classes = Path.of(JdbcInboxStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses jdbc = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(classes);
        assertThat(jdbc.containPackage("io.github.inboxkit.jdbc.internal")).isTrue();

        slices().matching("io.github.inboxkit.(**)").namingSlices("package io.github.inboxkit.$1")
                .should().beFreeOfCycles().check(jdbc);
    }
}
