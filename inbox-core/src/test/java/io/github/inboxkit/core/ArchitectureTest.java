package io.github.inboxkit.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps inbox-core framework-free and its internal machinery out of the public API (CONTRIBUTING.md). */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.inboxkit.core");
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
    }

    @Test
    @DisplayName("F19 F27 F30 F31 the sending machinery is package-private behind one facade that only Sending uses")
    void sendingMachineryStaysBehindItsFacade() {
        String facade = "io.github.inboxkit.core.sending.internal.SendingService";
        classes().that().resideInAPackage("io.github.inboxkit.core.sending.internal")
                .and().doNotHaveFullyQualifiedName(facade)
                .should().notBePublic()
                .check(core);
        noClasses().that().resideOutsideOfPackage("io.github.inboxkit.core.sending.internal")
                .and().doNotHaveFullyQualifiedName("io.github.inboxkit.core.sending.Sending")
                .and().doNotHaveFullyQualifiedName("io.github.inboxkit.core.sending.Sending$Builder")
                .should().dependOnClassesThat().haveFullyQualifiedName(facade)
                .check(core);
    }
}
