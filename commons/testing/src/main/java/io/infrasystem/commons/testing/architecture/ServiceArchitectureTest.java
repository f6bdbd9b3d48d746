package io.infrasystem.commons.testing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The {@link ArchitectureRules} applied to one service's production classes (test classes are not
 * imported). A service's {@code ArchitectureTest} extends this class and names its base package; each
 * rule is its own test, so a report shows which rule a service breaks.
 */
public abstract class ServiceArchitectureTest {

    private final String servicePackage;
    private final JavaClasses classes;

    /**
     * @param servicePackage the service's base package, e.g. {@code io.infrasystem.vm}
     */
    protected ServiceArchitectureTest(String servicePackage) {
        this.servicePackage = servicePackage;
        this.classes = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(servicePackage);
    }

    @Test
    void noPackageCycles() {
        ArchitectureRules.noPackageCycles(servicePackage).check(classes);
    }

    @Test
    void noOtherService() {
        ArchitectureRules.noOtherService(servicePackage).check(classes);
    }

    @Test
    void resourcesOpenNoTransactionOrConnection() {
        ArchitectureRules.resourcesOpenNoTransactionOrConnection(servicePackage).check(classes);
    }
}
