package org.sharedict.skills;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaFieldAccess.AccessType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.Rooms;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The walls between skills-service's rooms (README, "Package map"). Besides the two every service
 * keeps (no cycle between features; no feature touches another's entities), the skill taxonomy is
 * shared reference data, like the platform kernel: every room may read its entities, so two more
 * rules keep it that: only the taxonomy writes them, and the taxonomy depends on no feature.
 */
class ArchitectureTest {

    private static final String ROOT = "org.sharedict.skills";
    private static final String TAXONOMY = ROOT + ".taxonomy..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    @Test
    void featuresFormNoCycleAndKeepTheirEntitiesToThemselves() {
        Rooms.check(ROOT, "platform", "taxonomy");
    }

    @Test
    void onlyTheTaxonomyWritesTheTaxonomy() {
        DescribedPredicate<JavaAccess<?>> writesTaxonomy =
                new DescribedPredicate<>("a field set, persist, delete or update on the taxonomy") {
                    @Override
                    public boolean test(JavaAccess<?> access) {
                        if (!access.getTargetOwner().getPackageName().startsWith(ROOT + ".taxonomy")) {
                            return false;
                        }
                        String name = access.getName();
                        boolean fieldSet = access instanceof JavaFieldAccess f && f.getAccessType() == AccessType.SET;
                        return fieldSet
                                || name.startsWith("persist")
                                || name.startsWith("delete")
                                || name.equals("update");
                    }
                };
        noClasses()
                .that()
                .resideOutsideOfPackage(TAXONOMY)
                .should()
                .accessTargetWhere(writesTaxonomy)
                .because(
                        "the taxonomy's rules (no term means two skills, the snapshot reloads after each change) live in TaxonomyService")
                .check(classes);
    }

    @Test
    void theTaxonomyDependsOnNoFeature() {
        classes()
                .that()
                .resideInAPackage(TAXONOMY)
                .should()
                .onlyDependOnClassesThat(
                        resideOutsideOfPackage(ROOT + "..").or(resideInAnyPackage(TAXONOMY, ROOT + ".platform..")))
                .because(
                        "every room reads the taxonomy, so it may ask them only through interfaces it owns (SkillHolders)")
                .check(classes);
    }
}
