/// What `kit verify` found: a summary line per exercise, the checks proven and the problems.
public struct VerifyReport: Hashable, Sendable {
  /// The summary lines, in order (exercises, the kit's own tests, notes).
  public var lines: [String]

  /// The grading tests that pass on the reference and fail on the untouched stub.
  public var proven: Int

  /// Everything that is wrong, one sentence each.
  public var problems: [String]

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - lines: The summary lines.
  ///   - proven: The grading tests proven.
  ///   - problems: The problems found.
  public init(lines: [String] = [], proven: Int = 0, problems: [String] = []) {
    self.lines = lines
    self.proven = proven
    self.problems = problems
  }

  /// The last line, which CI reads: `kit-verify: 245 passed, 0 failed`.
  public var summary: String { "kit-verify: \(proven) passed, \(problems.count) failed" }

  /// Whether nothing is wrong.
  public var succeeded: Bool { problems.isEmpty }
}

/// The maintainer's check: the inventory agrees (see ``InventoryCheck``), every grading test
/// passes on the reference solutions and fails on the untouched stubs, and the kit's own tests
/// pass with the stubs.
///
/// The two modes build in two folders (`KIT_SOLUTIONS=1` always paired with its own), and each
/// exercise runs in its own test process, as in grading, so one crash cannot hide the rest.
/// Tests are compared by ID. A crash, a run without `runEnded`, a time-out or a run of no tests
/// is a problem, never a pass.
public struct Verifier: Sendable {
  /// Grades the reference solutions.
  public var solutions: Grader

  /// Grades the stubs and runs the kit's own tests.
  public var stubs: Grader

  /// Seconds the kit's own tests may run.
  public var ownTestsTimeout: Double

  /// Creates a verifier.
  ///
  /// - Parameters:
  ///   - catalogue: The exercises and the package root.
  ///   - runner: What runs `swift`.
  ///   - stubSettings: The build folder and time limits for the stubs; the mode is forced off
  ///     and every product is built, since the kit's own tests may run its executables.
  ///   - solutionSettings: The build folder and time limits for the references; the mode is
  ///     forced on.
  ///   - ownTestsTimeout: Seconds the kit's own tests may run; 900 by default.
  public init(
    catalogue: Catalogue,
    runner: any CommandRunning,
    stubSettings: GradingSettings,
    solutionSettings: GradingSettings,
    ownTestsTimeout: Double = 900
  ) {
    var stubSettings = stubSettings
    stubSettings.usesSolutions = false
    stubSettings.buildsEverything = true
    var solutionSettings = solutionSettings
    solutionSettings.usesSolutions = true
    self.stubs = Grader(catalogue: catalogue, runner: runner, settings: stubSettings)
    self.solutions = Grader(catalogue: catalogue, runner: runner, settings: solutionSettings)
    self.ownTestsTimeout = ownTestsTimeout
  }

  /// Runs the whole check.
  ///
  /// - Parameter progress: Called with a short description of each step as it starts.
  /// - Returns: The report.
  public func verify(progress: (String) -> Void = { _ in }) -> VerifyReport {
    let catalogue = stubs.catalogue
    var report = VerifyReport()
    let exercises = catalogue.availableExercises
    let missing = catalogue.exercises.filter { !exercises.contains($0) }

    progress("checking the inventory (twin files, stub bodies, the pristine copy, the README)")
    let inventory = InventoryCheck(catalogue: catalogue).problems()
    report.problems += inventory
    report.lines.append(
      "  inventory: "
        + (inventory.isEmpty ? "the files agree" : "\(inventory.count) problems"))
    report.lines += inventory.map { "    problem: \($0)" }

    var withReference: [Exercise] = []
    for exercise in exercises {
      if catalogue.swiftFiles(in: exercise.solutionPath).isEmpty {
        let problem = "\(exercise.title): no reference solution in \(exercise.solutionPath)"
        report.problems.append(problem)
        report.lines.append("  " + problem)
      } else {
        withReference.append(exercise)
      }
    }

    progress(
      "building the reference solutions (KIT_SOLUTIONS=1, \(solutions.settings.scratchPath))")
    let referenceBuild = withReference.isEmpty ? BuildOutcome() : solutions.build(withReference)
    progress("building the stubs (\(stubs.settings.scratchPath))")
    let stubBuild = stubs.build(exercises)

    for (build, what) in [(referenceBuild, "references"), (stubBuild, "stubs")] {
      if let failure = build.failure {
        report.problems.append("the \(what) do not build: \(failure)")
        report.lines.append("  the \(what) do not build: \(failure)")
      }
    }
    let checkable = referenceBuild.failure == nil && stubBuild.failure == nil ? withReference : []
    for exercise in checkable {
      var lines: [String] = []
      let problemsBefore = report.problems.count
      let proven = check(
        exercise, referenceBuild: referenceBuild, stubBuild: stubBuild,
        progress: progress, problems: &report.problems, notes: &lines)
      report.proven += proven.proven
      let found = report.problems.count - problemsBefore
      let verdict =
        found == 0
        ? "\(proven.proven) checks proven (pass on the reference, fail on the stub)"
        : "\(proven.proven) of \(proven.total) checks proven, \(found) problem\(found == 1 ? "" : "s")"
      report.lines.append("  \(exercise.title): \(verdict)")
      report.lines += lines
      report.lines += report.problems[problemsBefore...].map { "    problem: \($0)" }
    }

    let problemsBefore = report.problems.count
    report.lines.append("  " + ownTests(stubBuild, progress: progress, problems: &report.problems))
    report.lines += report.problems[problemsBefore...].map { "    problem: \($0)" }
    if !missing.isEmpty {
      report.lines.append(
        "  not checked (no exercise folder or tests yet): "
          + missing.map(\.title).joined(separator: ", "))
    }
    return report
  }

  /// Checks one exercise: reference run, stub run, comparison by test ID.
  private func check(
    _ exercise: Exercise,
    referenceBuild: BuildOutcome,
    stubBuild: BuildOutcome,
    progress: (String) -> Void,
    problems: inout [String],
    notes: inout [String]
  ) -> (proven: Int, total: Int) {
    let title = exercise.title
    if let errors = referenceBuild.broken[exercise] {
      problems.append("\(title): the reference does not compile: \(describe(errors.first))")
      return (0, 0)
    }
    let reference = runGrading(
      exercise, on: solutions, built: referenceBuild.built, label: "the reference",
      progress: progress, problems: &problems)
    for test in reference.tests where test.status == .failed {
      let reason = test.issues.first?.message ?? "it failed"
      problems.append("\(title): fails on the reference: \(name(test)): \(reason)")
    }
    let graded = reference.tests.filter { $0.status == .passed }

    if let errors = stubBuild.broken[exercise] {
      problems.append("\(title): the stubs do not compile: \(describe(errors.first))")
      return (0, graded.count)
    }
    let stub = runGrading(
      exercise, on: stubs, built: stubBuild.built, label: "the stubs", progress: progress,
      problems: &problems)
    var proven = 0
    var unrun = 0
    for test in graded {
      switch stub[test.id]?.status {
      case .failed:
        proven += 1
      case .passed:
        problems.append("\(title): passes on the untouched stub (grades nothing): \(name(test))")
      default:
        unrun += 1
      }
    }
    if unrun > 0 {
      let tests = unrun == 1 ? "grading test" : "grading tests"
      problems.append("\(title): \(unrun) \(tests) did not run on the stubs")
    }
    let skipped = reference.tests.count { $0.status == .skipped }
    if skipped > 0 {
      notes.append("    note: \(skipped) tests are disabled and prove nothing")
    }
    return (proven, graded.count)
  }

  /// Runs one exercise's grading tests with one grader, noting a run that went wrong as a
  /// whole (see ``trouble(_:_:timeout:)``).
  ///
  /// - Parameters:
  ///   - exercise: The exercise whose tests run.
  ///   - grader: ``solutions`` or ``stubs``.
  ///   - built: The exercises in that grader's test bundle.
  ///   - label: What the grader grades, in the progress line and the problem: `"the stubs"`.
  ///   - progress: Called with the step's description as it starts.
  ///   - problems: Where a run that went wrong is noted.
  /// - Returns: The run, whatever went wrong.
  /// - Complexity: One test process, which ends within the grader's test time-out.
  private func runGrading(
    _ exercise: Exercise,
    on grader: Grader,
    built: [Exercise],
    label: String,
    progress: (String) -> Void,
    problems: inout [String]
  ) -> TestRun {
    progress("\(exercise.title): running the grading tests on \(label)")
    let timeout = grader.settings.testTimeout
    let (run, result) = grader.runTests(
      filter: exercise.testFilter, built: built, name: exercise.name, timeout: timeout)
    if let trouble = trouble(run, result, timeout: timeout) {
      problems.append("\(exercise.title): on \(label), \(trouble)")
    }
    return run
  }

  /// Runs the kit's own test targets with the stubs; returns the summary line.
  private func ownTests(
    _ stubBuild: BuildOutcome,
    progress: (String) -> Void,
    problems: inout [String]
  ) -> String {
    let targets = stubs.catalogue.ownTestTargets
    guard !targets.isEmpty else { return "kit's own tests: none declared" }
    if stubBuild.failure != nil { return "kit's own tests: not run (the stubs do not build)" }
    progress("running the kit's own tests (\(targets.joined(separator: ", ")))")
    let (run, result) = stubs.runTests(
      filter: TestFilter.anyOf(targets), built: stubBuild.built, name: "kit-own-tests",
      timeout: ownTestsTimeout)
    if let trouble = trouble(run, result, timeout: ownTestsTimeout),
      run.gradedCount > 0 || !run.ended
    {
      problems.append("kit's own tests: \(trouble)")
    }
    for test in run.failedTests {
      let reason = test.issues.first?.message ?? "it failed"
      problems.append("kit's own test fails with the stubs: \(name(test)): \(reason)")
    }
    let counts = targets.map { target in
      "\(target) \(run.tests.count { $0.target == target && $0.status == .passed })"
    }
    return "kit's own tests: \(run.passedCount) of \(run.gradedCount) pass with the stubs ("
      + counts.joined(separator: ", ") + ")"
  }

  /// What went wrong with a run as a whole, if anything.
  private func trouble(_ run: TestRun, _ result: CommandResult, timeout: Double) -> String? {
    if result.timedOut { return "the tests ran over \(StatusBoard.seconds(timeout))" }
    if !run.ended {
      let report = CrashReport.parse(
        result.combinedOutput, preferredFolders: [stubs.catalogue.root])
      let place =
        report?.location.map { " at \(stubs.catalogue.relative($0.path)):\($0.line)" } ?? ""
      let message = report?.message ?? BuildLog.firstGeneralError(in: result.combinedOutput)
      return
        "the test process crashed or did not report its end (\(message ?? "no runEnded")\(place))"
    }
    if run.gradedCount == 0 { return "the filter matched no tests" }
    return nil
  }

  private func name(_ test: TestRecord) -> String {
    let place = test.location.map { " (\(stubs.catalogue.relative($0.path)):\($0.line))" } ?? ""
    return "\"\(test.displayName)\"\(place)"
  }

  private func describe(_ diagnostic: CompilerDiagnostic?) -> String {
    guard let diagnostic else { return "see the build output" }
    return "\(diagnostic.message) at \(stubs.catalogue.relative(diagnostic.location.path)):"
      + "\(diagnostic.location.line)"
  }
}
