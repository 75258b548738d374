package parley;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package-by-feature boundaries that make the code easy to find. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("parley");
  }

  @Test
  void theClassifierIsPure() {
    noClasses().that().resideInAPackage("parley.classify..")
        .should().dependOnClassesThat().resideInAnyPackage("parley.web..", "parley.store..", "parley.comment..",
            "io.javalin..", "org.jdbi..", "java.sql..")
        .check(classes);
  }

  @Test
  void theStoreKnowsNoFeature() {
    noClasses().that().resideInAPackage("parley.store..")
        .should().dependOnClassesThat().resideInAnyPackage("parley.comment..", "parley.thread..", "parley.site..",
            "parley.web..", "parley.moderation..")
        .check(classes);
  }

  @Test
  void onlyTheCliStartsTheApp() {
    noClasses().that().resideOutsideOfPackages("parley", "parley.cli..")
        .should().dependOnClassesThat().haveFullyQualifiedName("parley.App")
        .check(classes);
  }
}
