package fr.asp.segur.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules on dependencies, checked on the modules' compiled classes (the reactor has built them
 * before the ear): web → ejb → persistence and batch → ejb → persistence, no JPA entity in web, JDBC only
 * where SQL the JPA cannot say is needed. A known exception is listed here by name, with its reason; a new
 * one fails the build.
 */
class ArchitectureTest {

    private static final String DOMAIN = "fr.asp.segur.domain..";
    private static final String APPLICATION = "fr.asp.segur.application..";
    private static final String WEB = "fr.asp.segur.interfaces..";
    private static final String BATCH = "fr.asp.segur.batch..";

    private static JavaClasses classes;

    @BeforeAll
    static void importModules() {
        List<Path> modules = List.of("persistence", "ejb", "web", "batch").stream()
                .map(m -> Path.of("..", m, "target", "classes")).toList();
        for (Path module : modules) {
            if (!Files.isDirectory(module)) {
                throw new IllegalStateException("Build the modules first (mvn verify from the root): " + module);
            }
        }
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(modules);
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("persistence").definedBy(DOMAIN)
                .layer("ejb").definedBy(APPLICATION)
                .layer("web").definedBy(WEB)
                .layer("batch").definedBy(BATCH)
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("batch").mayNotBeAccessedByAnyLayer()
                .whereLayer("ejb").mayOnlyBeAccessedByLayers("web", "batch")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("ejb", "web", "batch")
                .check(classes);
    }

    /**
     * Pages receive records and views from the ejb module, never entities. CaptchaSlots still issues a
     * CaptchaChallenge: the captcha is being replaced by ALTCHA on another branch, which removes it.
     */
    @Test
    void noJpaEntityReachesTheWebLayer() {
        noClasses().that().resideInAPackage(WEB)
                .and(not(KnownExceptions.listedIn(KnownExceptions.ENTITY_IN_WEB)))
                .should().dependOnClassesThat(annotatedWith(Entity.class))
                .check(classes);
    }

    /**
     * JDBC where JPA cannot say it: PostgreSQL's COPY in the SIRENE writers, Flyway, and a few statements of
     * the batch and referential support (listed in {@link KnownExceptions#JDBC}); everything else is JPA.
     */
    @Test
    void jdbcOnlyWhereJpaCannotDo() {
        noClasses().that(not(KnownExceptions.listedIn(KnownExceptions.JDBC)))
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(classes);
    }
}
