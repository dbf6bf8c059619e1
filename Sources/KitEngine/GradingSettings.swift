/// How the kit builds and runs the tests: build folder, mode and time limits.
public struct GradingSettings: Hashable, Sendable {
  /// The build folder for the learner's exercises, relative to the package root.
  ///
  /// It is not `.build`, so grading never waits for (or blocks) the learner's own
  /// `swift build`, which locks `.build` while it runs.
  public static let defaultScratchPath = ".build-kit"

  /// The build folder for the reference solutions (`KIT_SOLUTIONS=1`).
  public static let defaultSolutionsScratchPath = ".build-kit-solutions"

  /// The build folder, relative to the package root (or absolute).
  public var scratchPath: String

  /// Whether to build the reference solutions (`KIT_SOLUTIONS=1`) instead of the exercises.
  public var usesSolutions: Bool

  /// Whether a build makes every product (`--build-tests`: the executables too, which some of
  /// the kit's own tests run) rather than only the test bundle grading needs.
  ///
  /// Grading builds only the test bundle, so a problem in an executable that imports every
  /// exercise cannot stop the grading of the exercises.
  public var buildsEverything: Bool

  /// Seconds one exercise's tests may run before they are interrupted.
  public var testTimeout: Double

  /// Seconds a build may run before it is interrupted.
  public var buildTimeout: Double

  /// Seconds between the interrupt (SIGINT) and the kill (SIGKILL).
  public var grace: Double

  /// Creates settings.
  ///
  /// - Parameters:
  ///   - scratchPath: The build folder; ``defaultScratchPath`` by default.
  ///   - usesSolutions: Whether to build the reference solutions.
  ///   - buildsEverything: Whether to build every product, not only the test bundle.
  ///   - testTimeout: Seconds one exercise's tests may run; 60 by default.
  ///   - buildTimeout: Seconds a build may run; 1800 by default.
  ///   - grace: Seconds between SIGINT and SIGKILL; 10 by default.
  public init(
    scratchPath: String = GradingSettings.defaultScratchPath,
    usesSolutions: Bool = false,
    buildsEverything: Bool = false,
    testTimeout: Double = 60,
    buildTimeout: Double = 1800,
    grace: Double = 10
  ) {
    self.scratchPath = scratchPath
    self.usesSolutions = usesSolutions
    self.buildsEverything = buildsEverything
    self.testTimeout = testTimeout
    self.buildTimeout = buildTimeout
    self.grace = grace
  }
}
