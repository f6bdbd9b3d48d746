package io.infrasystem.commons.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The rules that keep every service in the same shape, as ArchUnit rules to check against a service's
 * imported production classes ({@code rule.check(classes)} throws an {@link AssertionError} listing every
 * violation).
 *
 * <p>Each rule takes the service's base package, e.g. {@code io.infrasystem.vm}. Types are named by
 * their fully qualified names, so this class needs neither JAX-RS, JTA nor Agroal on its classpath.
 */
public final class ArchitectureRules {

    /** Packages every service may use besides its own. */
    public static final String COMMONS_PACKAGE = "io.infrasystem.commons..";

    private static final String SUITE_PACKAGE = "io.infrasystem..";
    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
    private static final String TRANSACTIONAL = "jakarta.transaction.Transactional";
    private static final String DATA_SOURCE = "javax.sql.DataSource";
    private static final Set<String> TRANSACTION_OR_CONNECTION_TYPES = Set.of(
            "io.quarkus.narayana.jta.QuarkusTransaction",
            "jakarta.transaction.UserTransaction",
            "io.agroal.api.AgroalDataSource",
            "java.sql.Connection");

    private static final DescribedPredicate<JavaClass> JAX_RS_RESOURCE = DescribedPredicate.describe(
            "are JAX-RS resources",
            javaClass -> javaClass.isAnnotatedWith(PATH)
                    || javaClass.getMethods().stream()
                            .anyMatch(
                                    method -> method.isAnnotatedWith(PATH) || method.isMetaAnnotatedWith(HTTP_METHOD)));

    private static final ArchCondition<JavaClass> OPEN_NO_TRANSACTION_OR_CONNECTION =
            new ArchCondition<>("open no transaction and no JDBC connection") {
                @Override
                public void check(JavaClass resource, ConditionEvents events) {
                    if (resource.isAnnotatedWith(TRANSACTIONAL)) {
                        violation(resource, events, resource.getName() + " is annotated @Transactional");
                    }
                    for (JavaMethod method : resource.getMethods()) {
                        if (method.isAnnotatedWith(TRANSACTIONAL)) {
                            violation(resource, events, method.getFullName() + " is annotated @Transactional");
                        }
                    }
                    for (Dependency dependency : resource.getDirectDependenciesFromSelf()) {
                        if (TRANSACTION_OR_CONNECTION_TYPES.contains(
                                dependency.getTargetClass().getName())) {
                            violation(resource, events, dependency.getDescription());
                        }
                    }
                    for (JavaMethodCall call : resource.getMethodCallsFromSelf()) {
                        if (call.getName().equals("getConnection")
                                && call.getTargetOwner().isAssignableTo(DATA_SOURCE)) {
                            violation(resource, events, call.getDescription());
                        }
                    }
                }
            };

    private ArchitectureRules() {}

    /**
     * @param servicePackage the service's base package, e.g. {@code io.infrasystem.vm}
     * @return the rule that the feature packages directly below {@code servicePackage} (with their
     *     subpackages) depend on each other without a cycle
     */
    public static ArchRule noPackageCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles()
                .because("features of a service depend on each other in one direction only");
    }

    /**
     * @param servicePackage the service's base package, e.g. {@code io.infrasystem.vm}
     * @return the rule that the service's classes use, of the suite's packages, only their own and
     *     {@value #COMMONS_PACKAGE} (libraries are free)
     */
    public static ArchRule noOtherService(String servicePackage) {
        return noClasses()
                .that()
                .resideInAPackage(servicePackage + "..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage(SUITE_PACKAGE)
                        .and(DescribedPredicate.not(
                                JavaClass.Predicates.resideInAnyPackage(servicePackage + "..", COMMONS_PACKAGE))))
                .as("no class of " + servicePackage + " should use another service's classes")
                .because("services talk to each other only over HTTP and Kafka");
    }

    /**
     * @param servicePackage the service's base package, e.g. {@code io.infrasystem.vm}
     * @return the rule that a JAX-RS resource of the service (a class annotated {@code @Path} or with a
     *     method annotated {@code @Path} or with an HTTP method annotation) neither opens a transaction
     *     ({@code @Transactional} on the class or a method, {@code QuarkusTransaction},
     *     {@code UserTransaction}) nor a JDBC connection ({@code DataSource.getConnection},
     *     {@code AgroalDataSource}, {@code java.sql.Connection}); a service without resources passes
     */
    public static ArchRule resourcesOpenNoTransactionOrConnection(String servicePackage) {
        return classes()
                .that()
                .resideInAPackage(servicePackage + "..")
                .and(JAX_RS_RESOURCE)
                .should(OPEN_NO_TRANSACTION_OR_CONNECTION)
                .allowEmptyShould(true)
                .because("transactions belong to the service layer, connections to repositories");
    }

    private static void violation(JavaClass resource, ConditionEvents events, String message) {
        events.add(SimpleConditionEvent.violated(resource, message));
    }
}
