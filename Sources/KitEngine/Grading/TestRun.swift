/// A place in a source file, as a test report gives it.
public struct SourceLocation: Hashable, Sendable, Codable {
  /// The file's path: absolute as reported, or relative to the package root once shortened.
  public var path: String

  /// The line, counted from 1.
  public var line: Int

  /// The column, counted from 1, when known.
  public var column: Int?

  /// Creates a location.
  ///
  /// - Parameters:
  ///   - path: The file's path.
  ///   - line: The line, counted from 1.
  ///   - column: The column, when known.
  public init(path: String, line: Int, column: Int? = nil) {
    self.path = path
    self.line = line
    self.column = column
  }

  /// `path:line`, as the kit prints it.
  public var text: String { "\(path):\(line)" }
}

/// One failed expectation or thrown error recorded while a test ran.
public struct TestIssue: Hashable, Sendable, Codable {
  /// The first line of the issue, such as `Expectation failed: (result → 3) == 9`.
  public var message: String

  /// The lines after it: the expectation's comment and other details.
  public var details: [String]

  /// Where the issue was recorded, usually a line of the test.
  public var location: SourceLocation?

  /// The arguments of the failing case of a parameterized test, such as `[5]`, when known.
  public var testCase: String?

  /// Creates an issue.
  ///
  /// - Parameters:
  ///   - message: The first line of the issue.
  ///   - details: The lines after it.
  ///   - location: Where it was recorded.
  ///   - testCase: The arguments of the failing case, when known.
  public init(
    message: String,
    details: [String] = [],
    location: SourceLocation? = nil,
    testCase: String? = nil
  ) {
    self.message = message
    self.details = details
    self.location = location
    self.testCase = testCase
  }

  /// The phrase a stub's `PruningError.notImplemented` puts in its description.
  public static let notImplementedPhrase = "is not implemented yet"

  /// Whether the issue comes from a stub that has not been written yet.
  public var isNotImplemented: Bool {
    message.contains(Self.notImplementedPhrase)
      || details.contains { $0.contains(Self.notImplementedPhrase) }
  }
}

/// How one test ended.
public enum TestStatus: String, Hashable, Sendable, Codable {
  /// It ran and recorded no failing issue.
  case passed

  /// It ran and recorded at least one failing issue, or was cancelled.
  case failed

  /// It was disabled and did not run.
  case skipped

  /// It started and never ended: the process crashed or was stopped while it ran.
  case unfinished

  /// It never started: the process ended before reaching it.
  case notRun
}

/// One test function and how it ended.
public struct TestRecord: Hashable, Sendable, Codable {
  /// The Swift Testing ID, such as `WeightPruningTests.ThresholdPruningTests/strict()/…`.
  public var id: String

  /// The display name, such as "A weight exactly at the threshold survives".
  public var displayName: String

  /// Where the test is declared, when known.
  public var location: SourceLocation?

  /// How it ended.
  public var status: TestStatus

  /// The failing issues it recorded, in order.
  public var issues: [TestIssue]

  /// The number of its test cases that ended (one for a test without arguments), as the event
  /// stream reported them; tells how far an unfinished test got.
  public var finishedCases: Int = 0

  /// Creates a record.
  ///
  /// - Parameters:
  ///   - id: The Swift Testing ID.
  ///   - displayName: The display name.
  ///   - location: Where the test is declared.
  ///   - status: How it ended.
  ///   - issues: The failing issues it recorded.
  public init(
    id: String,
    displayName: String,
    location: SourceLocation? = nil,
    status: TestStatus,
    issues: [TestIssue] = []
  ) {
    self.id = id
    self.displayName = displayName
    self.location = location
    self.status = status
    self.issues = issues
  }

  /// The test target the test belongs to: the part of the ID before the first dot.
  public var target: String {
    String(id.prefix { $0 != "." && $0 != "/" })
  }

  /// Whether the test failed because it reached a stub not written yet: one of its issues
  /// says "is not implemented yet" (the others are then consequences of the same stub).
  public var waitsForStub: Bool {
    status == .failed && issues.contains(where: \.isNotImplemented)
  }
}

/// What one test process reported: its tests, their outcomes, and whether it finished.
public struct TestRun: Hashable, Sendable, Codable {
  /// The test functions the run selected, in the order the report listed them.
  public var tests: [TestRecord]

  /// Failing issues not tied to one test function (recorded by a suite, for example).
  public var otherIssues: [TestIssue]

  /// Whether the run reported its start.
  public var started: Bool

  /// Whether the run reported its end; a run that did not end crashed or was stopped.
  public var ended: Bool

  /// Creates a run.
  ///
  /// - Parameters:
  ///   - tests: The test functions, in order.
  ///   - otherIssues: Failing issues not tied to one test function.
  ///   - started: Whether the run reported its start.
  ///   - ended: Whether the run reported its end.
  public init(
    tests: [TestRecord] = [],
    otherIssues: [TestIssue] = [],
    started: Bool = false,
    ended: Bool = false
  ) {
    self.tests = tests
    self.otherIssues = otherIssues
    self.started = started
    self.ended = ended
  }

  /// The number of tests that passed.
  public var passedCount: Int { tests.count { $0.status == .passed } }

  /// The number of tests that count towards a grade: all but the skipped ones.
  public var gradedCount: Int { tests.count { $0.status != .skipped } }

  /// The tests that failed, in order.
  public var failedTests: [TestRecord] { tests.filter { $0.status == .failed } }

  /// The tests that were running when the process stopped.
  public var unfinishedTests: [TestRecord] { tests.filter { $0.status == .unfinished } }

  /// The test that was running when the process stopped: with tests run one at a time (as the
  /// kit runs them) there is at most one; otherwise the one that started last.
  public var runningTest: TestRecord? { unfinishedTests.last }

  /// Looks a test up by ID.
  ///
  /// - Parameter id: A Swift Testing ID.
  /// - Returns: The test, or `nil` when the run did not select it.
  public subscript(id: String) -> TestRecord? {
    tests.first { $0.id == id }
  }
}
