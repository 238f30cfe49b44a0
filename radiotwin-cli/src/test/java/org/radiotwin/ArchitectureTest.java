package org.radiotwin;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Enforces DESIGN.md's one-way layering: core depends on nothing of ours; calibration, stats and
 * learn only on core; the CLI on everything. Inside core the package tree follows the pipeline
 * (math → geometry/material → scene → scene.io → rt → channel → …).
 */
@AnalyzeClasses(packages = "org.radiotwin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] CORE = {
    "org.radiotwin.errors..",
    "org.radiotwin.io..",
    "org.radiotwin.math..",
    "org.radiotwin.geometry..",
    "org.radiotwin.material..",
    "org.radiotwin.scene..",
    "org.radiotwin.antenna..",
    "org.radiotwin.rt..",
    "org.radiotwin.channel..",
    "org.radiotwin.radiomap..",
    "org.radiotwin.measure.."
  };

  @ArchTest
  static final ArchRule modules =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .withOptionalLayers(true)
          .layer("Core")
          .definedBy(CORE)
          .layer("Calibration")
          .definedBy("org.radiotwin.calibration..")
          .layer("Stats")
          .definedBy("org.radiotwin.stats..")
          .layer("Learn")
          .definedBy("org.radiotwin.learn..")
          .layer("Cli")
          .definedBy("org.radiotwin.cli..")
          .whereLayer("Cli")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Calibration")
          .mayOnlyBeAccessedByLayers("Cli")
          .whereLayer("Stats")
          .mayOnlyBeAccessedByLayers("Cli")
          .whereLayer("Learn")
          .mayOnlyBeAccessedByLayers("Cli")
          .whereLayer("Core")
          .mayOnlyBeAccessedByLayers("Calibration", "Stats", "Learn", "Cli");

  @ArchTest
  static final ArchRule corePipeline =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .withOptionalLayers(true)
          .layer("Errors")
          .definedBy("org.radiotwin.errors..")
          .layer("Math")
          .definedBy("org.radiotwin.math..")
          .layer("Geometry")
          .definedBy("org.radiotwin.geometry..")
          .layer("Material")
          .definedBy("org.radiotwin.material..")
          .layer("Scene")
          .definedBy("org.radiotwin.scene")
          .layer("SceneIo")
          .definedBy("org.radiotwin.scene.io..")
          .layer("Antenna")
          .definedBy("org.radiotwin.antenna..")
          .layer("Downstream")
          .definedBy(
              "org.radiotwin.rt..",
              "org.radiotwin.channel..",
              "org.radiotwin.radiomap..",
              "org.radiotwin.measure..",
              "org.radiotwin.calibration..",
              "org.radiotwin.stats..",
              "org.radiotwin.learn..",
              "org.radiotwin.cli..")
          .whereLayer("Math")
          .mayOnlyBeAccessedByLayers(
              "Geometry", "Material", "Scene", "SceneIo", "Antenna", "Downstream")
          .whereLayer("Geometry")
          .mayOnlyBeAccessedByLayers("Scene", "SceneIo", "Downstream")
          .whereLayer("Material")
          .mayOnlyBeAccessedByLayers("Scene", "SceneIo", "Downstream")
          .whereLayer("Scene")
          .mayOnlyBeAccessedByLayers("SceneIo", "Antenna", "Downstream")
          .whereLayer("SceneIo")
          .mayOnlyBeAccessedByLayers("Downstream")
          .whereLayer("Antenna")
          .mayOnlyBeAccessedByLayers("Downstream");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("org.radiotwin.(**)").should().beFreeOfCycles();
}
