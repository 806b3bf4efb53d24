package org.w3id.grandbargain.kb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code: one seam to the knowledge ({@code query/}, over the store) is the only
 * place that opens transactions and runs queries for the publisher and the command line, so that
 * another store can stand behind it; the publisher's features stand side by side over {@code
 * publish.core}, none depending on another.
 */
class ArchitectureTest {
  private static final String KB = "org.w3id.grandbargain.kb";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(KB);
  }

  @Test
  void onlyTheSeamRunsQueriesAndOpensTransactions() {
    noClasses()
        .that()
        .resideInAnyPackage(KB + ".publish..", KB + ".cli..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.apache.jena.system.Txn")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.apache.jena.query.QueryExecution")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.apache.jena.query.QueryExecutionFactory")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.apache.jena.query.QueryExecutionDatasetBuilder")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.apache.jena.sparql.exec.QueryExecBuilder")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.apache.jena.sparql.exec.QueryExecDatasetBuilder")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.jena.tdb2..",
            "org.apache.jena.rdfconnection..",
            "org.apache.jena.rdflink..",
            "org.apache.jena.sparql.exec.http..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.apache.jena.sparql.algebra.Algebra")
        .orShould()
        .accessTargetWhere(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "a transaction begins",
                access ->
                    access
                            .getTarget()
                            .getOwner()
                            .isAssignableTo(org.apache.jena.sparql.core.Transactional.class)
                        && java.util.Set.of(
                                "begin",
                                "exec",
                                "calc",
                                "executeRead",
                                "calculateRead",
                                "executeWrite",
                                "calculateWrite")
                            .contains(access.getName())))
        .because("the seam to the knowledge (query/) is the only place that runs queries")
        .check(classes);
  }

  @Test
  void onlyTheSeamSearchesTheIndex() {
    noClasses()
        .that()
        .resideInAnyPackage(KB + ".publish..", KB + ".cli..")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "Lucene's or jena-text's classes (but jena-text's parse error, mapped to 400)",
                (com.tngtech.archunit.core.domain.JavaClass c) ->
                    (c.getPackageName().startsWith("org.apache.lucene")
                            || c.getPackageName().startsWith("org.apache.jena.query.text"))
                        && !c.getName()
                            .equals("org.apache.jena.query.text.TextIndexParseException")))
        .because("the search index is read through the seam to the knowledge (query/) only")
        .check(classes);
  }

  @Test
  void theFeaturesOfThePublisherDoNotDependOnEachOther() {
    slices()
        .matching(KB + ".publish.(*)..")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(
            com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                KB + ".publish.core"))
        .because("each feature is a module over publish.core, wired together by KbServer only")
        .check(classes);
  }

  @Test
  void theCoreOfThePublisherDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage(KB + ".publish.core")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            KB + ".publish.linkeddata..",
            KB + ".publish.sparql..",
            KB + ".publish.api..",
            KB + ".publish.dataset..",
            KB + ".publish.explore..",
            KB + ".publish.timeline..",
            KB + ".publish.network..",
            KB + ".publish.map..",
            KB + ".publish.ops..",
            KB + ".publish.search..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(KB + ".publish.KbServer")
        .check(classes);
  }

  @Test
  void theStagesBeforePublishingKnowNothingOfIt() {
    noClasses()
        .that()
        .resideInAnyPackage(
            KB + ".vocabulary..",
            KB + ".load..",
            KB + ".validate..",
            KB + ".store..",
            KB + ".query..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(KB + ".publish..", KB + ".cli..")
        .check(classes);
  }
}
