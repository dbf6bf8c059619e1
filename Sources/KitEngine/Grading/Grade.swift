/// Where an exercise stands after grading.
public enum GradeStatus: Hashable, Sendable, Codable {
  /// Every check passes.
  case passed

  /// Some checks pass or fail for reasons other than a stub not yet written.
  case inProgress

  /// No check passes and every failure is a stub that is not implemented yet.
  case notStarted

  /// The exercise (or its tests) does not compile; the first error, when one was located.
  case doesNotCompile(CompilerDiagnostic?, message: String)

  /// Nothing could be graded: the build failed outside every exercise (the kit's shared code,
  /// the manifest) or ran out of time; the payload is the first error.
  case buildFailed(String)

  /// The test process trapped; the trap message and place, when the output showed them.
  case crashed(CrashReport)

  /// The tests ran past the time limit and were stopped.
  case timedOut(seconds: Double)

  /// The test filter matched no test: an error in the kit, never a pass.
  case noTests

  /// The tests could not be run at all; the payload says why.
  case couldNotRun(String)

  /// The exercise's folder or tests do not exist yet.
  case unavailable
}

/// The result of grading one exercise: its status, and the tests as far as they ran.
public struct Grade: Hashable, Sendable, Codable {
  /// The exercise graded.
  public var exercise: Exercise

  /// Where it stands.
  public var status: GradeStatus

  /// The tests as far as they ran (empty when it did not compile).
  public var run: TestRun

  /// Every compile error located in the exercise or its tests, first reported first.
  public var diagnostics: [CompilerDiagnostic]

  /// The number of checks the exercise's tests declare (see
  /// ``Catalogue/declaredCheckCount(of:)``), or 0 when unknown.
  public var declaredCount: Int

  /// Creates a grade.
  ///
  /// - Parameters:
  ///   - exercise: The exercise graded.
  ///   - status: Where it stands.
  ///   - run: The tests as far as they ran.
  ///   - diagnostics: The compile errors located in the exercise.
  ///   - declaredCount: The number of checks its tests declare; 0 when unknown.
  public init(
    exercise: Exercise,
    status: GradeStatus,
    run: TestRun = TestRun(),
    diagnostics: [CompilerDiagnostic] = [],
    declaredCount: Int = 0
  ) {
    self.exercise = exercise
    self.status = status
    self.run = run
    self.diagnostics = diagnostics
    self.declaredCount = declaredCount
  }

  /// The number of checks (test functions) that passed.
  public var passedCount: Int { run.passedCount }

  /// The number of checks: the larger of the declared count and the count the run listed,
  /// so a crash, a time-out or a compile error never shrinks it; `nil` when neither is known.
  public var checkCount: Int? {
    if status == .unavailable { return nil }
    let count = max(declaredCount, run.gradedCount)
    if count > 0 { return count }
    switch status {
    case .doesNotCompile, .buildFailed, .unavailable, .couldNotRun:
      return nil
    default:
      return run.gradedCount
    }
  }

  /// Whether every check passes.
  public var isPassed: Bool { status == .passed }

  /// Classifies a finished test process.
  ///
  /// A time-out wins; then a run without `runEnded` is a crash; then a run of no tests is an
  /// error; then the tests decide: all passed, none passed with only "not implemented yet"
  /// failures (not started), or anything else (in progress).
  ///
  /// - Parameters:
  ///   - exercise: The exercise graded.
  ///   - run: What the event stream (or xUnit file) reported.
  ///   - result: The process's exit and output.
  ///   - timeout: The time limit that applied, for the message.
  ///   - crashFolders: Absolute folders in which to look for the crash's place, most wanted
  ///     first.
  /// - Returns: The grade.
  public static func classify(
    exercise: Exercise,
    run: TestRun,
    result: CommandResult,
    timeout: Double,
    crashFolders: [String]
  ) -> Grade {
    let status: GradeStatus
    if result.timedOut {
      status = .timedOut(seconds: timeout)
    } else if !run.ended {
      let output = result.combinedOutput
      if let report = CrashReport.parse(output, preferredFolders: crashFolders) {
        status = .crashed(report)
      } else if run.started || result.wasSignalled {
        status = .crashed(
          CrashReport(message: "the test process stopped without reporting its results"))
      } else {
        let reason = BuildLog.firstGeneralError(in: output) ?? "swift test reported no results"
        status = .couldNotRun(reason)
      }
    } else if run.gradedCount == 0 {
      status = .noTests
    } else if run.passedCount == run.gradedCount && run.otherIssues.isEmpty {
      status = .passed
    } else if run.passedCount == 0
      && run.tests.allSatisfy({ $0.status == .skipped || $0.waitsForStub })
    {
      status = .notStarted
    } else {
      status = .inProgress
    }
    return Grade(exercise: exercise, status: status, run: run)
  }
}
