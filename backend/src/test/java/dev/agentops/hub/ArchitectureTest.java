package dev.agentops.hub;

import com.tngtech.archunit.core.domain.JavaClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Feature packages own their internals; shared code knows no feature. */
class ArchitectureTest {

    private static final String BASE = "dev.agentops.hub";
    private final JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(BASE);

    @Test
    void sharedCodeDependsOnNoFeature() {
        noClasses().that().resideInAPackage(BASE + ".shared..")
            .should().dependOnClassesThat(describe("a feature class",
                c -> c.getPackageName().startsWith(BASE + ".") && !c.getPackageName().startsWith(BASE + ".shared")))
            .check(classes);
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnFeature() {
        Set<String> features = classes.stream()
            .map(c -> c.getPackageName())
            .filter(p -> p.startsWith(BASE + ".") && p.contains(".internal"))
            .map(p -> p.substring(0, p.indexOf(".internal")))
            .collect(Collectors.toSet());
        for (String feature : features) {
            classes().that().resideInAPackage(feature + ".internal..")
                .should().onlyBeAccessed().byClassesThat().resideInAPackage(feature + "..")
                .check(classes);
        }
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
