package io.infrasystem.inventory;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.infrasystem.commons.testing.architecture.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

/** The suite's architecture rules applied to this service's production classes, and a CSV engine without domain. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("io.infrasystem.inventory");
    }

    @Test
    void csvEngineKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("io.infrasystem.inventory.csv..")
                .should()
                .dependOnClassesThat(resideInAPackage("io.infrasystem.inventory..")
                        .and(resideOutsideOfPackage("io.infrasystem.inventory.csv..")))
                .check(new ClassFileImporter()
                        .withImportOption(new ImportOption.DoNotIncludeTests())
                        .importPackages("io.infrasystem.inventory"));
    }
}
