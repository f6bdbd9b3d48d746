package io.infrasystem.inventory;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** The shape rules of the service's packages (STYLE.md): by feature, cycle-free, a domain-free CSV engine. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.infrasystem.inventory");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.infrasystem.inventory.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void csvEngineKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("io.infrasystem.inventory.csv..")
                .should()
                .dependOnClassesThat(resideInAPackage("io.infrasystem.inventory..")
                        .and(resideOutsideOfPackage("io.infrasystem.inventory.csv..")))
                .check(CLASSES);
    }

    @Test
    void resourcesHoldNoTransaction() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(Path.class)
                .should()
                .notBeAnnotatedWith(Transactional.class)
                .check(CLASSES);
        noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .beAnnotatedWith(Transactional.class)
                .check(CLASSES);
    }
}
