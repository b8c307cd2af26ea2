package io.github.inboxkit.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the module's public surface to one factory and its few companions. */
class PublicApiTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.inboxkit.jdbc");

    @Test
    @DisplayName("the public package holds one factory, its builder, the dialects and two exceptions")
    void publicTypes() {
        assertThat(CLASSES.stream()
                .filter(type -> type.getPackageName().equals("io.github.inboxkit.jdbc"))
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .map(type -> type.getName().substring("io.github.inboxkit.jdbc.".length())))
                .containsExactlyInAnyOrder("JdbcInboxStore", "JdbcInboxStore$Builder", "Dialect",
                        "SchemaMigrationException", "UnsupportedDatabaseException");
    }

    @Test
    @DisplayName("no public method of the public package mentions an internal type")
    void internalTypesStayInternal() {
        methods().that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("io.github.inboxkit.jdbc")
                .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("a non-internal type",
                        type -> !type.getPackageName().contains(".internal")))
                .check(CLASSES);
    }

    @Test
    @DisplayName("only the public factory reaches into the internal package")
    void internalUsedOnlyByTheFactory() {
        noClasses().that().resideInAPackage("io.github.inboxkit.jdbc")
                .and().doNotHaveSimpleName("JdbcInboxStore").and().doNotHaveSimpleName("Builder")
                .should().dependOnClassesThat().resideInAPackage("io.github.inboxkit.jdbc.internal..")
                .check(CLASSES);
    }
}
