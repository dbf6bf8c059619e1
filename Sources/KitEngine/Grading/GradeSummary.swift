/// What the board shows of a grade: the status, the counts and the test that was running, without
/// the tests' failure messages (which only a report needs), so that the board's cache loads in a
/// few milliseconds.
public struct GradeSummary: Codable, Hashable, Sendable {
  /// The exercise graded.
  public var exercise: Exercise

  /// Where it stands.
  public var status: GradeStatus

  /// The number of tests that passed.
  public var passedCount: Int

  /// The number of tests that count towards the grade (all but the skipped ones).
  public var gradedCount: Int

  /// The number of checks the exercise's tests declare.
  public var declaredCount: Int

  /// Whether the run reported its start and its end.
  public var started: Bool, ended: Bool

  /// The test that was running when the process stopped, if any.
  public var runningTest: TestRecord?

  /// Summarises a grade.
  ///
  /// - Parameter grade: The grade.
  public init(_ grade: Grade) {
    exercise = grade.exercise
    status = grade.status
    passedCount = grade.run.passedCount
    gradedCount = grade.run.gradedCount
    declaredCount = grade.declaredCount
    started = grade.run.started
    ended = grade.run.ended
    runningTest = grade.run.runningTest
  }

  /// A grade that the board shows exactly as the one summarised: its run holds stand-in records
  /// (no names, no issues) with the same counts, and the running test itself.
  public var grade: Grade {
    let running = runningTest.map { [$0] } ?? []
    let failed = max(0, gradedCount - passedCount - running.count)
    let tests =
      Array(repeating: TestRecord(id: "", displayName: "", status: .passed), count: passedCount)
      + Array(repeating: TestRecord(id: "", displayName: "", status: .failed), count: failed)
      + running
    return Grade(
      exercise: exercise, status: status,
      run: TestRun(tests: tests, started: started, ended: ended),
      declaredCount: declaredCount)
  }
}
