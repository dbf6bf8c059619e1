import Foundation

/// One graded file of an exercise: the size of task a short coding round asks for.
///
/// A file `Name.swift` of an exercise is graded by the suites in `NameTests.swift` of the
/// exercise's test target (the kit names its test files after the file they grade). Only files
/// with such a test file, holding at least one `@Test`, are parts. The round still runs the
/// exercise's suite in isolation, as `kit check` does, and scores only the part's checks: the
/// tests declared in its test file.
public struct TaskPart: Hashable, Sendable {
  /// The file the learner fills in, relative to the package root.
  public var file: String

  /// The name of the test file that grades it, such as `MagnitudePruningTests.swift`.
  public var testFile: String

  /// The file's documentation: each `///` comment with the declaration it documents.
  public var brief: String

  /// Creates a part.
  ///
  /// - Parameters:
  ///   - file: The learner's file, relative to the package root.
  ///   - testFile: The name of the test file that grades it.
  ///   - brief: The file's documentation.
  public init(file: String, testFile: String, brief: String) {
    self.file = file
    self.testFile = testFile
    self.brief = brief
  }

  /// The parts of an exercise, in file order.
  ///
  /// - Parameters:
  ///   - exercise: The exercise.
  ///   - catalogue: Where its files are.
  /// - Returns: One part per Swift file that has a test file of its own with a test in it.
  public static func parts(of exercise: Exercise, in catalogue: Catalogue) -> [TaskPart] {
    catalogue.files(in: exercise.exercisePath).compactMap { file -> TaskPart? in
      let name = (file as NSString).lastPathComponent
      guard name.hasSuffix(".swift") else { return nil }
      let testFile = String(name.dropLast(".swift".count)) + "Tests.swift"
      let tests = catalogue.absolute(exercise.testsPath + "/" + testFile)
      guard let testText = try? String(contentsOfFile: tests, encoding: .utf8),
        testText.contains("@Test")
      else { return nil }
      let source = (try? String(contentsOfFile: catalogue.absolute(file), encoding: .utf8)) ?? ""
      return TaskPart(file: file, testFile: testFile, brief: documentation(of: source))
    }
  }

  /// Each `///` comment of a source file with the declaration line after it, at most 40 lines.
  static func documentation(of source: String) -> String {
    var lines: [String] = []
    var inComment = false
    for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("///") {
        if !inComment, !lines.isEmpty { lines.append("") }
        lines.append(String(line))
        inComment = true
      } else if inComment {
        if !trimmed.hasPrefix("@") || trimmed.contains("func") { inComment = false }
        lines.append(String(line))
      }
    }
    if lines.count > 40 { lines = Array(lines.prefix(40)) + ["…"] }
    return lines.joined(separator: "\n")
  }

  /// Whether a test is one of this part's checks: declared in its test file.
  ///
  /// - Parameter test: A test of the exercise's run.
  /// - Returns: Whether the test's id or location names the part's test file.
  public func grades(_ test: TestRecord) -> Bool {
    if let location = test.location {
      return (location.path as NSString).lastPathComponent == testFile
    }
    return test.id.contains("/" + testFile + ":")
  }

  /// A grade of the whole exercise narrowed to this part's checks.
  ///
  /// A build or run problem (does not compile, crashed, timed out) is kept as it is; otherwise
  /// the status says how the part's own checks went.
  ///
  /// - Parameter grade: The exercise's grade.
  /// - Returns: The grade with only the part's tests, and their count as the declared count.
  public func narrow(_ grade: Grade) -> Grade {
    var narrowed = grade
    narrowed.run.tests = grade.run.tests.filter(grades)
    narrowed.run.otherIssues = []
    narrowed.declaredCount = narrowed.run.tests.count
    switch grade.status {
    case .passed, .inProgress, .notStarted:
      let tests = narrowed.run.tests
      if tests.isEmpty {
        narrowed.status = .noTests
      } else if tests.allSatisfy({ $0.status == .passed || $0.status == .skipped }) {
        narrowed.status = .passed
      } else if tests.contains(where: { $0.status == .passed }) {
        narrowed.status = .inProgress
      } else {
        narrowed.status = .notStarted
      }
    default:
      break
    }
    return narrowed
  }
}
