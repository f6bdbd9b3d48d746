package io.infrasystem.commons.testing.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.infrasystem.archsample.bad.resource.AgroalResource;
import io.infrasystem.archsample.bad.resource.ConnectionResource;
import io.infrasystem.archsample.bad.resource.DataSourceResource;
import io.infrasystem.archsample.bad.resource.QuarkusTransactionResource;
import io.infrasystem.archsample.bad.resource.TransactionalClassResource;
import io.infrasystem.archsample.bad.resource.TransactionalMethodResource;
import io.infrasystem.archsample.bad.resource.UserTransactionResource;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule fails on a sample service that breaks it and passes on one that does not. */
class ArchitectureRulesTest {

    private static final String GOOD = "io.infrasystem.archsample.good";
    private static final String RESOURCES = "io.infrasystem.archsample.bad.resource";

    @Test
    void packageCycleFails() {
        String service = "io.infrasystem.archsample.bad.cycle";
        assertThatThrownBy(() -> ArchitectureRules.noPackageCycles(service).check(samples(service)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("feature alpha")
                .hasMessageContaining("feature beta");
    }

    @Test
    void otherServiceFails() {
        String service = "io.infrasystem.archsample.bad.imports";
        assertThatThrownBy(() -> ArchitectureRules.noOtherService(service).check(samples(service)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Borrower.borrow()")
                .hasMessageContaining("io.infrasystem.archsample.other.OtherServiceClient");
    }

    static Stream<Arguments> violatingResources() {
        return Stream.of(
                Arguments.of(TransactionalClassResource.class, "is annotated @Transactional"),
                Arguments.of(
                        TransactionalMethodResource.class,
                        "TransactionalMethodResource.post() is annotated @Transactional"),
                Arguments.of(QuarkusTransactionResource.class, "io.quarkus.narayana.jta.QuarkusTransaction"),
                Arguments.of(UserTransactionResource.class, "jakarta.transaction.UserTransaction"),
                Arguments.of(DataSourceResource.class, "javax.sql.DataSource.getConnection()"),
                Arguments.of(AgroalResource.class, "io.agroal.api.AgroalDataSource"),
                Arguments.of(ConnectionResource.class, "java.sql.Connection"));
    }

    @ParameterizedTest
    @MethodSource("violatingResources")
    void transactionOrConnectionInResourceFails(Class<?> resource, String reported) {
        JavaClasses classes = new ClassFileImporter().importClasses(resource);
        assertThatThrownBy(() -> ArchitectureRules.resourcesOpenNoTransactionOrConnection(RESOURCES)
                        .check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(reported);
    }

    @Test
    void cleanServicePassesEveryRule() {
        JavaClasses classes = samples(GOOD);
        assertThatCode(() -> ArchitectureRules.noPackageCycles(GOOD).check(classes))
                .doesNotThrowAnyException();
        assertThatCode(() -> ArchitectureRules.noOtherService(GOOD).check(classes))
                .doesNotThrowAnyException();
        assertThatCode(() -> ArchitectureRules.resourcesOpenNoTransactionOrConnection(GOOD)
                        .allowEmptyShould(false)
                        .check(classes))
                .as("SiteResource is examined and passes")
                .doesNotThrowAnyException();
    }

    private static JavaClasses samples(String servicePackage) {
        return new ClassFileImporter().importPackages(servicePackage);
    }
}
