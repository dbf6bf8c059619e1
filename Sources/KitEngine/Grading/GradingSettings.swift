/// How the kit builds and runs the tests: build folder, mode and time limits.
public struct GradingSettings: Hashable, Sendable {
  /// The build folder grading tries first: `.build`, the one `swift build` and `swift test`
  /// use, so an edit is compiled once whichever of them runs next.
  public static let sharedScratchPath = ".build"

  /// The build folder for the learner's exercises when the shared build fails (an exercise
  /// does not compile): there each broken exercise is left out of the graph with `KIT_ONLY`,
  /// which would make `.build` recompile on every switch.
  public static let defaultScratchPath = ".build-kit"

  /// The build folder for the reference solutions (`KIT_SOLUTIONS=1`).
  public static let defaultSolutionsScratchPath = ".build-kit-solutions"

  /// The build folder, relative to the package root (or absolute).
  public var scratchPath: String

  /// The build folder tried first with every exercise and no `KIT_ONLY`, exactly as a plain
  /// `swift test` builds; `nil` to build in ``scratchPath`` only.
  public var sharedScratchPath: String?

  /// Whether to build the reference solutions (`KIT_SOLUTIONS=1`) instead of the exercises.
  public var usesSolutions: Bool

  /// Whether a build makes every product (`--build-tests`: the executables too, which some of
  /// the kit's own tests run) rather than only the test bundle grading needs.
  ///
  /// Grading builds only the test bundle, so a problem in an executable that imports every
  /// exercise cannot stop the grading of the exercises.
  public var buildsEverything: Bool

  /// Whether the graph holds the kit's own suites (`KIT_MAINTAINER=1`), which a learner's
  /// plain `swift test` leaves out; `kit verify` runs them.
  public var includesMaintainerSuites = false

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
  ///   - sharedScratchPath: The build folder tried first; `nil` (none) by default.
  ///   - usesSolutions: Whether to build the reference solutions.
  ///   - buildsEverything: Whether to build every product, not only the test bundle.
  ///   - testTimeout: Seconds one exercise's tests may run; 60 by default.
  ///   - buildTimeout: Seconds a build may run; 1800 by default.
  ///   - grace: Seconds between SIGINT and SIGKILL; 10 by default.
  public init(
    scratchPath: String = GradingSettings.defaultScratchPath,
    sharedScratchPath: String? = nil,
    usesSolutions: Bool = false,
    buildsEverything: Bool = false,
    testTimeout: Double = 60,
    buildTimeout: Double = 1800,
    grace: Double = 10
  ) {
    self.scratchPath = scratchPath
    self.sharedScratchPath = sharedScratchPath
    self.usesSolutions = usesSolutions
    self.buildsEverything = buildsEverything
    self.testTimeout = testTimeout
    self.buildTimeout = buildTimeout
    self.grace = grace
  }
}
