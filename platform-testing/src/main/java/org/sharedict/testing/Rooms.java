package org.sharedict.testing;

import java.util.Set;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The walls every service keeps (docs/ARCHITECTURE.md, "Rooms"). A service's code is one package per
 * feature under its root ({@code org.sharedict.rota.incidents}, {@code ...rotas}, ...), plus a shared
 * kernel ({@code platform}) that every feature may use. Two rules hold:
 * <ol>
 * <li>no cycle between feature packages: if incidents uses escalation, escalation does not use
 * incidents, directly or round the houses; a feature that must tell another something raises a CDI
 * event or calls a narrow interface the caller owns;
 * <li>a feature's entities are its own: no other feature reads or writes them, it asks the owning
 * feature's service. Entities of the shared kernel are everybody's.
 * </ol>
 * Each service has a test that calls {@link #check(String, String...)} on its root package.
 */
public final class Rooms {

    private Rooms() {}

    /** Checks both rules on the main (not test) classes under {@code root}; {@code kernel} names the shared packages, e.g. "platform". */
    public static void check(String root, String... kernel) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(root);
        noCyclesBetweenFeatures(root).check(classes);
        entitiesStayInTheirFeature(root, kernel).check(classes);
    }

    /** No cycle between the direct sub-packages of {@code root}. */
    public static ArchRule noCyclesBetweenFeatures(String root) {
        return SlicesRuleDefinition.slices()
                .matching(root + ".(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles()
                .because("a cycle makes two features one: neither can be read, tested or changed alone");
    }

    /** No class of one feature depends on an entity of another; the kernel's entities are shared. */
    public static ArchRule entitiesStayInTheirFeature(String root, String... kernel) {
        Set<String> shared = Set.of(kernel);
        ArchCondition<JavaClass> useOnlyTheirOwnEntities =
                new ArchCondition<>("use only their own feature's entities") {
                    @Override
                    public void check(JavaClass from, ConditionEvents events) {
                        String mine = feature(root, from.getPackageName());
                        for (Dependency d : from.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass().getBaseComponentType();
                            if (!target.isAnnotatedWith("jakarta.persistence.Entity")) {
                                continue;
                            }
                            String theirs = feature(root, target.getPackageName());
                            if (theirs != null && !theirs.equals(mine) && !shared.contains(theirs)) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                };
        return ArchRuleDefinition.classes()
                .that()
                .resideInAPackage(root + "..")
                .should(useOnlyTheirOwnEntities)
                .because("a feature's tables are its own: others ask its service, so its rules cannot be bypassed");
    }

    /** The feature a package belongs to: its first segment below {@code root}, or null for the root itself. */
    static String feature(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return null;
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
