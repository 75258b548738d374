package parley;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

  /** The runtime classifier loads and runs models; the code that trains them stays out of the judge's way. */
  @Test
  void theRuntimeClassifierNeedsNoTrainingCode() {
    noClasses().that().resideInAPackage("parley.classify")
        .should().dependOnClassesThat().resideInAPackage("parley.classify.train..")
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

  /** Features and layers depend one way: slices by top-level package ({@code parley.comment..}, ...) form no cycle. */
  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("parley.(*)..").should().beFreeOfCycles().check(classes);
  }

  /**
   * ... and so do all packages, sub-packages included (the root's wiring, moderation and its phases). One known
   * exception: {@code Imports} in {@code parley.importing} picks the reader for a format from its sub-packages, which
   * build on the importing core (sink, locations, page keys); moving that core to a package of its own would end it.
   */
  @Test
  void everyPackageIsFreeOfCycles() {
    slices().matching("(parley..)").should().beFreeOfCycles()
        .ignoreDependency(resideInAPackage("parley.importing"), resideInAPackage("parley.importing.*"))
        .check(classes);
  }

  /**
   * HTTP stays at the edge: only {@code web} and the {@code *Handlers} classes see Javalin; services, stores and the
   * kit take plain values. Besides them, the two request filters of sign-in (Guard, SessionCookie), the ops probes
   * (Health) and Perspective's error writer (GoogleError) are HTTP glue by nature; App starts the server.
   */
  @Test
  void onlyHandlersAndWebTouchJavalin() {
    noClasses().that().resideOutsideOfPackage("parley.web..").and().haveSimpleNameNotEndingWith("Handlers")
        .and().doNotHaveFullyQualifiedName("parley.App")
        .and().doNotHaveFullyQualifiedName("parley.auth.Guard")
        .and().doNotHaveFullyQualifiedName("parley.auth.SessionCookie")
        .and().doNotHaveFullyQualifiedName("parley.ops.Health")
        .and().doNotHaveFullyQualifiedName("parley.analysis.GoogleError")
        .should().dependOnClassesThat().resideInAPackage("io.javalin..")
        .check(classes);
  }

  /**
   * Handlers speak to a feature's service; its stores, and so its tables, stay behind it. One exception: the
   * Perspective API's {@code suggestscore} saves feedback through its own package's (package-private) FeedbackStore,
   * since the analysis feature's only service, Analyzer, is pure.
   */
  @Test
  void handlersTakeServicesNotStores() {
    noClasses().that().haveSimpleNameEndingWith("Handlers")
        .and().doNotHaveFullyQualifiedName("parley.analysis.AnalysisHandlers")
        .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
        .check(classes);
  }
}
