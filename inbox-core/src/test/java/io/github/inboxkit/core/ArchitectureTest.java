package io.github.inboxkit.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.github.inboxkit.InboxKit;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps inbox-core framework-free, its packages free of cycles and its internal machinery out of
 * the public API (CONTRIBUTING.md). It checks inbox-core's own classes, the front door {@code
 * io.github.inboxkit.InboxKit} among them, and nothing of the carrier SPI's jar, which shares the
 * root package.
 */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() throws URISyntaxException {
        // inbox-core's classes only, read from where the front door was loaded: importing the package
        // io.github.inboxkit would pull in the carrier SPI from its jar too
        Path classes = Path.of(InboxKit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(classes);
    }

    @Test
    @DisplayName("the front door and every package of inbox-core were imported")
    void importsTheWholeModule() {
        org.assertj.core.api.Assertions.assertThat(core.contain(InboxKit.class)).isTrue();
        org.assertj.core.api.Assertions.assertThat(core.containPackage("io.github.inboxkit.core.retention.internal"))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(core.stream().noneMatch(type ->
                type.getPackageName().startsWith("io.github.inboxkit.carrier"))).as("no class of the carrier SPI").isTrue();
    }

    @Test
    @DisplayName("no package cycles in inbox-core: every package, the front door's and internal ones included")
    void noPackageCycles() {
        noPackageCyclesRule().check(core);
    }

    /** Each package is its own slice, from the front door's root package down. */
    static ArchRule noPackageCyclesRule() {
        return slices().matching("io.github.(**)").namingSlices("package io.github.$1").should().beFreeOfCycles();
    }

    @Test
    @DisplayName("public packages never depend on internal ones; only the front door wires the internal machinery")
    void publicPackagesUseNoInternals() {
        noClasses().that().resideOutsideOfPackage("..internal..")
                .and().doNotBelongToAnyOf(InboxKit.class)
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .check(core);
    }

    @Test
    @DisplayName("F34 inbox-core uses no JDBC: persistence goes through the store port")
    void noJdbc() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(core);
    }

    @Test
    @DisplayName("F29 inbox-core uses no HTTP: carriers are reached through the SPI")
    void noHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "java.net.http..", "com.sun.net.httpserver..", "javax.servlet..", "jakarta.servlet..")
                .check(core);
    }

    @Test
    @DisplayName("inbox-core starts no thread pool of its own")
    void noThreadPools() {
        // DispatcherRunner is the one class that may hold the host's ScheduledExecutorService
        noClasses().that().doNotHaveFullyQualifiedName("io.github.inboxkit.core.sending.DispatcherRunner")
                .should().dependOnClassesThat().haveNameMatching(
                        "java\\.util\\.concurrent\\.(Executors|ExecutorService|ScheduledExecutorService"
                                + "|ThreadPoolExecutor|ScheduledThreadPoolExecutor|ForkJoinPool|ExecutorCompletionService).*")
                .check(core);
        noClasses().should().dependOnClassesThat().haveNameMatching(
                        "java\\.util\\.concurrent\\.(Executors|ThreadPoolExecutor|ScheduledThreadPoolExecutor"
                                + "|ForkJoinPool|ExecutorCompletionService).*")
                .check(core);
    }

    @Test
    @DisplayName("F34 inbox-core depends on no persistence library or logging back-end: those belong to inbox-jdbc and the host")
    void forbidsPersistenceAndLoggingBackEnds() {
        noPersistenceOrLoggingBackEnd().check(core);
    }

    static ArchRule noPersistenceOrLoggingBackEnd() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.jdbi..", "com.zaxxer..", "org.flywaydb..", "ch.qos.logback..", "org.apache.logging.log4j..",
                "org.slf4j.simple..", "org.h2..", "org.postgresql..");
    }

    @Test
    @DisplayName("no public or protected signature outside internal packages mentions an internal type")
    void internalStaysInternal() {
        for (ArchRule rule : internalStaysInternalRules()) {
            rule.check(core);
        }
    }

    /** Whether a member is part of the API: public, or protected (a subclass outside sees it). */
    private static final DescribedPredicate<JavaMember> VISIBLE = DescribedPredicate.describe("public or protected",
            member -> member.getModifiers().contains(JavaModifier.PUBLIC)
                    || member.getModifiers().contains(JavaModifier.PROTECTED));

    private static final DescribedPredicate<JavaClass> INTERNAL = DescribedPredicate.describe("internal",
            type -> type.getPackageName().contains(".internal"));

    static List<ArchRule> internalStaysInternalRules() {
        ArchRule signatures = codeUnits().that().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                .and(VISIBLE)
                .should(new ArchCondition<JavaCodeUnit>("not mention internal types in parameters, return or throws") {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        Set<JavaClass> involved = new HashSet<>(unit.getReturnType().getAllInvolvedRawTypes());
                        for (JavaParameter parameter : unit.getParameters()) {
                            involved.addAll(parameter.getType().getAllInvolvedRawTypes());
                        }
                        involved.addAll(unit.getThrowsClause().getTypes());
                        involved.stream().filter(INTERNAL).forEach(type -> events.add(SimpleConditionEvent.violated(
                                unit, unit.getFullName() + " mentions " + type.getName())));
                    }
                })
                .allowEmptyShould(true);
        ArchRule fieldTypes = fields().that().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                .and(VISIBLE)
                .should(new ArchCondition<JavaField>("not have an internal type") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        field.getType().getAllInvolvedRawTypes().stream().filter(INTERNAL).forEach(type ->
                                events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is " + type.getName())));
                    }
                })
                .allowEmptyShould(true);
        ArchRule supertypes = noClasses().that().resideOutsideOfPackage("..internal..").and().arePublic()
                .should().beAssignableTo(DescribedPredicate.describe("an internal type",
                        (JavaClass type) -> type.getPackageName().contains(".internal")
                                && type.getModifiers().contains(JavaModifier.PUBLIC)));
        return List.of(signatures, fieldTypes, supertypes);
    }

    @Test
    @DisplayName("the rules catch what they forbid: a leaking fixture fails every one of them")
    void rulesCatchViolations() {
        JavaClasses leaky = new ClassFileImporter().importPackages("io.github.inboxkit.core.archfixture");
        for (ArchRule rule : internalStaysInternalRules()) {
            assertThatThrownBy(() -> rule.check(leaky)).as(rule.getDescription()).isInstanceOf(AssertionError.class);
        }
        assertThatThrownBy(() -> noPersistenceOrLoggingBackEnd().check(leaky))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ch.qos.logback");
        assertThatThrownBy(() -> noPackageCyclesRule().check(leaky))
                .isInstanceOf(AssertionError.class).hasMessageContaining("archfixture.cycle");
    }

    @Test
    @DisplayName("F19 F27 F31 the sending machinery is package-private behind the Sending interface; only the front door wires it")
    void sendingMachineryStaysBehindItsInterface() {
        machineryStaysBehindItsInterface("io.github.inboxkit.core.sending.internal",
                "io.github.inboxkit.core.sending.internal.SendingService",
                "io.github.inboxkit.core.sending.internal.SendingSettings");
    }

    @Test
    @DisplayName("F30 the retention machinery is package-private behind the Retention interface; only the front door wires it")
    void retentionMachineryStaysBehindItsInterface() {
        machineryStaysBehindItsInterface("io.github.inboxkit.core.retention.internal",
                "io.github.inboxkit.core.retention.internal.RetentionPurger",
                "io.github.inboxkit.core.retention.internal.RetentionSettings");
    }

    /** Only the service and its options holder are public in the package, and only the front door uses them. */
    private static void machineryStaysBehindItsInterface(String machinery, String service, String options) {
        classes().that().resideInAPackage(machinery)
                .and().doNotHaveFullyQualifiedName(service)
                .and().doNotHaveFullyQualifiedName(options)
                .should().notBePublic()
                .check(core);
        noClasses().that().resideOutsideOfPackage(machinery)
                .and().doNotBelongToAnyOf(InboxKit.class)
                .should().dependOnClassesThat().haveFullyQualifiedName(service)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(options)
                .check(core);
    }

    @Test
    @DisplayName("every use case runs through the one unit of work: the sending runner and its side door are gone")
    void oneUnitOfWork() {
        org.assertj.core.api.Assertions.assertThat(core.stream().map(JavaClass::getSimpleName))
                .doesNotContain("UseCaseRunner", "SendingSteps", "Events");
        noClasses().that().resideInAnyPackage("io.github.inboxkit.core.sending.internal",
                        "io.github.inboxkit.core.retention.internal")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.github.inboxkit.core.internal.Engine")
                .check(core);
    }
}
