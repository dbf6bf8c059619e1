import Foundation

/// What building the test bundle came to: which exercises made it in and which did not compile.
public struct BuildOutcome: Hashable, Sendable {
  /// The exercises in the bundle that was built, in curriculum order.
  public var built: [Exercise]

  /// The exercises left out because they (or their tests) do not compile, with their errors.
  public var broken: [Exercise: [CompilerDiagnostic]]

  /// Set when the build failed for a reason no exercise explains (the shared code, the
  /// manifest, a time-out): then nothing was built.
  public var failure: String?

  /// The build folder the tests were built in, when it is not the settings' own.
  public var scratchPath: String?

  /// Whether the build used the whole package graph without `KIT_ONLY` (the shared build).
  public var isWholeGraph = false

  /// Creates an outcome.
  ///
  /// - Parameters:
  ///   - built: The exercises in the bundle.
  ///   - broken: The exercises that do not compile, with their errors.
  ///   - failure: The reason nothing was built, if so.
  ///   - scratchPath: The build folder, when not the settings' own.
  ///   - isWholeGraph: Whether the whole graph was built without `KIT_ONLY`.
  public init(
    built: [Exercise] = [],
    broken: [Exercise: [CompilerDiagnostic]] = [:],
    failure: String? = nil,
    scratchPath: String? = nil,
    isWholeGraph: Bool = false
  ) {
    self.built = built
    self.broken = broken
    self.failure = failure
    self.scratchPath = scratchPath
    self.isWholeGraph = isWholeGraph
  }
}

/// A step of grading, reported as it starts.
public enum GradingStep: Hashable, Sendable {
  /// Building the test bundle.
  case building

  /// Running one exercise's tests.
  case testing(Exercise)
}

/// Grades exercises: builds the test bundle with only the exercises that compile, then runs each
/// exercise's tests in a process of its own (the test bundle, as `swift test` runs it) under a
/// time limit.
///
/// One process per exercise is what keeps a learner's trap or endless loop from costing the
/// other exercises their results: a trap kills the whole test process, and an endless loop never
/// ends it. A compile error is contained the same way, by leaving the exercise out of the graph
/// with `KIT_ONLY`. Every exercise present is kept in the graph otherwise, so the build folder's
/// contents stay the same from one run to the next and nothing is rebuilt needlessly.
public struct Grader: Sendable {
  /// The exercises and the package root.
  public var catalogue: Catalogue

  /// What runs `swift`.
  public var runner: any CommandRunning

  /// The build folder, mode and time limits.
  public var settings: GradingSettings

  /// Creates a grader.
  ///
  /// - Parameters:
  ///   - catalogue: The exercises and the package root.
  ///   - runner: What runs `swift`.
  ///   - settings: The build folder, mode and time limits.
  public init(catalogue: Catalogue, runner: any CommandRunning, settings: GradingSettings) {
    self.catalogue = catalogue
    self.runner = runner
    self.settings = settings
  }

  /// The exercises whose sources exist in the mode graded (exercises or solutions).
  public var presentExercises: [Exercise] {
    catalogue.availableExercises.filter {
      !settings.usesSolutions || !catalogue.swiftFiles(in: $0.solutionPath).isEmpty
    }
  }

  /// The environment of a build: the exercise set and the mode (the reference without the
  /// maintainer suites unless they are asked for), and nothing else of the kit's.
  ///
  /// SwiftPM plans a build again (and evaluates the manifest again) whenever the environment
  /// differs from the last build's in any variable, so a build of the whole graph changes
  /// nothing in the environment the kit was started with: it is the one a learner's own
  /// `swift build`, `swift test` or `swift run` has, and neither side plans again after the
  /// other.
  ///
  /// - Parameters:
  ///   - exercises: The exercises to keep in the graph.
  ///   - wholeGraph: Whether to build the whole graph, as a plain `swift test` does (no
  ///     `KIT_ONLY`).
  /// - Returns: Variables to set or remove.
  public func buildEnvironment(
    for exercises: [Exercise],
    wholeGraph: Bool = false
  ) -> [String: String?] {
    [
      "KIT_ONLY": wholeGraph
        ? nil : exercises.isEmpty ? "none" : exercises.map(\.name).joined(separator: ","),
      "KIT_SOLUTIONS": settings.usesSolutions ? "1" : nil,
      "KIT_MAINTAINER":
        settings.includesMaintainerSuites ? "1" : settings.usesSolutions ? "0" : nil,
    ]
  }

  /// The environment of a test run: the build's (see ``buildEnvironment(for:wholeGraph:)``),
  /// a short backtrace that names the trapping line, the event stream's fields, and no colour
  /// in captured output.
  ///
  /// - Parameters:
  ///   - exercises: The exercises in the built graph.
  ///   - wholeGraph: Whether the whole graph was built.
  /// - Returns: Variables to set or remove.
  public func environment(
    for exercises: [Exercise],
    wholeGraph: Bool = false
  ) -> [String: String?] {
    buildEnvironment(for: exercises, wholeGraph: wholeGraph).merging([
      "SWIFT_BACKTRACE":
        "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,limit=64",
      "SWT_EXPERIMENTAL_EVENT_STREAM_FIELDS_ENABLED": "1",
      "NO_COLOR": "1",
    ]) { _, test in test }
  }

  /// Builds the test bundle, leaving out each exercise that does not compile.
  ///
  /// When the build fails, the errors located in an exercise's folder or its tests' folder
  /// take that exercise out, and the build is tried again with the rest. Errors located
  /// nowhere in particular fail the whole build.
  ///
  /// With a shared build folder set (see ``GradingSettings/sharedScratchPath``) and every
  /// exercise of the catalogue present, the whole graph is built there first, exactly as a
  /// plain `swift test` builds it; only when that fails does grading fall back to its own
  /// folder, where the exercises that do not compile are left out.
  ///
  /// - Parameter exercises: The exercises to build.
  /// - Returns: What was built and what was left out.
  public func build(_ exercises: [Exercise]) -> BuildOutcome {
    if let shared = settings.sharedScratchPath, exercises == catalogue.exercises {
      let products =
        settings.buildsEverything ? ["--build-tests"] : ["--product", catalogue.testProduct]
      let command = ShellCommand(
        "swift", ["build"] + products + ["--scratch-path", shared],
        in: catalogue.root,
        environment: buildEnvironment(for: exercises, wholeGraph: true),
        timeout: settings.buildTimeout,
        grace: settings.grace
      )
      if let result = try? runner.run(command), result.succeeded {
        return BuildOutcome(built: exercises, scratchPath: shared, isWholeGraph: true)
      }
    }
    return isolatedBuild(exercises)
  }

  /// Builds in the settings' own folder, leaving out each exercise that does not compile.
  private func isolatedBuild(_ exercises: [Exercise]) -> BuildOutcome {
    var outcome = BuildOutcome(built: exercises)
    while true {
      let products =
        settings.buildsEverything ? ["--build-tests"] : ["--product", catalogue.testProduct]
      let command = ShellCommand(
        "swift",
        ["build"] + products + ["--scratch-path", settings.scratchPath],
        in: catalogue.root,
        environment: buildEnvironment(for: outcome.built),
        timeout: settings.buildTimeout,
        grace: settings.grace
      )
      let result: CommandResult
      do {
        result = try runner.run(command)
      } catch {
        outcome.failure = error.description
        outcome.built = []
        return outcome
      }
      if result.succeeded { return outcome }
      if result.timedOut {
        outcome.failure = "the build ran over \(Int(settings.buildTimeout)) s"
        outcome.built = []
        return outcome
      }
      let errors = BuildLog.errors(in: result.combinedOutput)
      var culprits: [Exercise: [CompilerDiagnostic]] = [:]
      for error in errors {
        if let exercise = owner(of: error.location.path, among: outcome.built) {
          culprits[exercise, default: []].append(error)
        }
      }
      if culprits.isEmpty {
        let first =
          errors.first.map {
            "\(catalogue.relative($0.location.path)):\($0.location.line): \($0.message)"
          }
          ?? BuildLog.firstGeneralError(in: result.combinedOutput)
          ?? "swift build failed"
        outcome.failure = first
        outcome.built = []
        return outcome
      }
      outcome.broken.merge(culprits) { $0 + $1 }
      outcome.built.removeAll { culprits[$0] != nil }
      if outcome.built.isEmpty { return outcome }
    }
  }

  /// Runs one selection of tests in a process of its own and reads its event stream (or, when
  /// no stream was written, its xUnit report).
  ///
  /// The tests run one at a time (`--no-parallel`), so a trap or an endless loop stops exactly
  /// one test: every test before it has ended and counts, and the one running is named. The
  /// process is the built test bundle itself when it is where `swift test` would look for it
  /// (see ``testCommand(filter:stream:xunit:scratchPath:environment:timeout:)``).
  ///
  /// - Parameters:
  ///   - filter: The `--filter` pattern.
  ///   - built: The exercises in the built graph (the same set the build used).
  ///   - name: A name for the stream file.
  ///   - timeout: Seconds before the process is interrupted.
  ///   - outcome: The build the tests run from, when not the settings' own folder.
  /// - Returns: The run as far as the stream reports it, and the process's result.
  public func runTests(
    filter: String,
    built: [Exercise],
    name: String,
    timeout: Double,
    outcome: BuildOutcome? = nil
  ) -> (run: TestRun, result: CommandResult) {
    let scratchPath = outcome?.scratchPath ?? settings.scratchPath
    let folder = absolute(scratchPath) + "/kit-runs"
    let stream = folder + "/\(name).jsonl"
    let xunit = folder + "/\(name).xml"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try? FileManager.default.removeItem(atPath: stream)
    try? FileManager.default.removeItem(atPath: xunit)
    let command = testCommand(
      filter: filter, stream: stream, xunit: xunit, scratchPath: scratchPath,
      environment: environment(for: built, wholeGraph: outcome?.isWholeGraph ?? false),
      timeout: timeout)
    var result: CommandResult
    do {
      result = try runner.run(command)
    } catch {
      return (TestRun(), CommandResult(status: 127, standardError: "error: \(error.description)"))
    }
    if command.program != "swift", result.wasSignalled, !result.timedOut {
      // What `swift test` prints when the bundle it ran ends by a signal; the crash report
      // names the signal from it when the process printed nothing more telling.
      result.standardError += "\nerror: Exited with unexpected signal code \(result.status)\n"
    }
    let text = (try? String(contentsOfFile: stream, encoding: .utf8)) ?? ""
    if text.isEmpty, let report = try? String(contentsOfFile: xunit, encoding: .utf8) {
      return (XUnitReport.parse(report), result)
    }
    return (EventStream.parse(text), result)
  }

  /// The test bundle `swift test` runs from a build folder, when it is there: on Linux the
  /// executable `<scratch>/debug/<Package>PackageTests.xctest`. Elsewhere (a macOS bundle is
  /// run through a helper) there is none, and tests run through `swift test`.
  ///
  /// - Parameter scratchPath: The build folder, relative to the package root or absolute.
  /// - Returns: The bundle's absolute path, or `nil`.
  public func testBundle(scratchPath: String) -> String? {
    #if os(Linux)
      let path = absolute(scratchPath) + "/debug/\(catalogue.testProduct).xctest"
      return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    #else
      return nil
    #endif
  }

  /// The command that runs a selection of tests from a built graph: the test bundle itself,
  /// with the arguments `swift test` passes it, or `swift test --skip-build` when there is no
  /// bundle where expected.
  ///
  /// `swift test --skip-build` would evaluate the manifest and run `git` (more than a second on
  /// a two-core machine) and then exec the bundle with its own arguments plus
  /// `--testing-library swift-testing`, in the same folder, adding only `NO_COLOR=1` to the
  /// environment when its output is not a terminal (the kit's environment sets it already).
  ///
  /// - Parameters:
  ///   - filter: The `--filter` pattern.
  ///   - stream: Where the event stream goes.
  ///   - xunit: Where the xUnit report goes.
  ///   - scratchPath: The build folder.
  ///   - environment: The environment of the build (see ``environment(for:wholeGraph:)``).
  ///   - timeout: Seconds before the process is interrupted.
  /// - Returns: The command.
  public func testCommand(
    filter: String,
    stream: String,
    xunit: String,
    scratchPath: String,
    environment: [String: String?],
    timeout: Double
  ) -> ShellCommand {
    let selection = [
      "--no-parallel", "--filter", filter,
      "--event-stream-output-path", stream, "--event-stream-version", EventStream.version,
      "--xunit-output", xunit,
    ]
    if let bundle = testBundle(scratchPath: scratchPath) {
      return ShellCommand(
        bundle, selection + ["--testing-library", "swift-testing"], in: catalogue.root,
        environment: environment, timeout: timeout, grace: settings.grace)
    }
    return ShellCommand(
      "swift",
      ["test", "--skip-build", "--disable-xctest", "--scratch-path", scratchPath] + selection,
      in: catalogue.root, environment: environment, timeout: timeout, grace: settings.grace)
  }

  /// Grades exercises: one build, then one test process per exercise.
  ///
  /// - Parameters:
  ///   - requested: The exercises to grade, in the order to report them.
  ///   - progress: Called before the build and before each exercise's tests.
  /// - Returns: One grade per requested exercise, in the same order.
  public func grade(
    _ requested: [Exercise],
    progress: (GradingStep) -> Void = { _ in }
  ) -> [Grade] {
    let present = presentExercises
    let needsBuild = requested.contains { present.contains($0) }
    if needsBuild { progress(.building) }
    let outcome = needsBuild ? build(present) : BuildOutcome()
    return requested.map { exercise in
      if !present.contains(exercise) {
        return Grade(exercise: exercise, status: .unavailable)
      }
      if let errors = outcome.broken[exercise] {
        let first = errors.first
        let message = first.map { "\($0.message) at \(location($0.location))" } ?? "build failed"
        return Grade(
          exercise: exercise, status: .doesNotCompile(first, message: message),
          diagnostics: errors)
      }
      if let failure = outcome.failure {
        return Grade(exercise: exercise, status: .buildFailed(failure))
      }
      progress(.testing(exercise))
      let (run, result) = runTests(
        filter: exercise.testFilter, built: outcome.built, name: exercise.name,
        timeout: settings.testTimeout, outcome: outcome)
      var grade = Grade.classify(
        exercise: exercise, run: relativized(run), result: result,
        timeout: settings.testTimeout,
        crashFolders: [
          absolute(settings.usesSolutions ? exercise.solutionPath : exercise.exercisePath),
          catalogue.root,
        ])
      if case .crashed(var report) = grade.status, let place = report.location {
        report.location = SourceLocation(
          path: catalogue.relative(place.path), line: place.line, column: place.column)
        grade.status = .crashed(report)
      }
      return grade
    }
    .map { grade in
      var grade = grade
      grade.declaredCount = catalogue.declaredCheckCount(of: grade.exercise)
      return grade
    }
  }

  /// The exercise whose folder (or tests' folder) holds a file, if any.
  private func owner(of path: String, among exercises: [Exercise]) -> Exercise? {
    let relativePath = catalogue.relative(path)
    return exercises.first { exercise in
      [exercise.exercisePath, exercise.solutionPath, exercise.testsPath].contains {
        relativePath.hasPrefix($0 + "/")
      }
    }
  }

  /// A location with its path made relative to the package root, as `path:line`.
  private func location(_ location: SourceLocation) -> String {
    "\(catalogue.relative(location.path)):\(location.line)"
  }

  /// The same run with every path made relative to the package root.
  private func relativized(_ run: TestRun) -> TestRun {
    var run = run
    func shorten(_ location: SourceLocation?) -> SourceLocation? {
      location.map {
        SourceLocation(path: catalogue.relative($0.path), line: $0.line, column: $0.column)
      }
    }
    for index in run.tests.indices {
      run.tests[index].location = shorten(run.tests[index].location)
      for issue in run.tests[index].issues.indices {
        run.tests[index].issues[issue].location = shorten(run.tests[index].issues[issue].location)
      }
    }
    return run
  }

  private func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : catalogue.absolute(path)
  }
}
