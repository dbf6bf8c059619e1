import KitSupport

/// The full report of one exercise for `kit check`: its status, every failing check with
/// expected and actual values, and how to get a hint.
public struct CheckReport: Sendable {
  /// The exercises, for aliases and paths.
  public var catalogue: Catalogue

  /// The exercise's grade.
  public var grade: Grade

  /// Colours, or none.
  public var style: TextStyle

  /// How the learner runs the kit (`swift run kit`).
  public var command: String

  /// The most compile errors shown.
  public var maximumDiagnostics = 5

  /// The most checks waiting for stubs whose names are listed when several functions are
  /// still to write.
  public var maximumListedStubs = 6

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - catalogue: The exercises.
  ///   - grade: The exercise's grade.
  ///   - style: Colours, or none.
  ///   - command: How the learner runs the kit.
  public init(catalogue: Catalogue, grade: Grade, style: TextStyle, command: String) {
    self.catalogue = catalogue
    self.grade = grade
    self.style = style
    self.command = command
  }

  /// The whole report, ending with a newline.
  public func render() -> String {
    let exercise = grade.exercise
    let alias = catalogue.alias(for: exercise)
    let board = StatusBoard(catalogue: catalogue, grades: [grade], style: style, command: command)
    let headline = board.phrase(for: grade)
    var lines = ["\(style.emphasis(exercise.title)): \(headline)"]

    switch grade.status {
    case .doesNotCompile:
      for diagnostic in grade.diagnostics.prefix(maximumDiagnostics) {
        lines.append("")
        let place = "\(catalogue.relative(diagnostic.location.path)):\(diagnostic.location.line)"
        lines.append("  " + style.failure("error") + " at \(place): \(diagnostic.message)")
        lines += diagnostic.excerpt.map { "    " + $0 }
      }
      if grade.diagnostics.count > maximumDiagnostics {
        lines.append("")
        lines.append("  … and \(grade.diagnostics.count - maximumDiagnostics) more errors")
      }
    case .buildFailed(let message):
      lines.append("")
      lines.append("  The build failed outside the exercises: \(message)")
    case .crashed, .timedOut:
      let running = grade.run.runningTest.map { [$0] } ?? []
      if !running.isEmpty {
        let when: String
        if case .crashed = grade.status {
          when = "crashed"
        } else {
          when = "was stopped"
        }
        lines.append("")
        lines.append("  Running when it \(when):")
        lines += running.map { test in
          let cases = test.finishedCases > 0 ? ", after \(test.finishedCases) of its cases" : ""
          return "    " + describe(test) + cases
        }
      }
      let notRun = grade.run.tests.count { $0.status == .notRun }
      if notRun > 0 {
        lines.append("  \(notRun) more checks did not run.")
      }
      lines.append("")
      lines.append("  To see the whole output:")
      lines.append(
        "    KIT_ONLY=\(exercise.name) swift test --filter '\(exercise.testFilter)'")
    default:
      break
    }

    let failed = grade.run.failedTests
    let written = failed.filter { !$0.waitsForStub }
    let stubs = failed.filter(\.waitsForStub)
    for test in written {
      lines.append("")
      lines.append("  " + style.failure("FAIL") + " " + describe(test))
      for issue in test.issues {
        let place = issue.location.map { " (\($0.text))" } ?? ""
        let argument = issue.testCase.map { "with \($0): " } ?? ""
        lines.append("       " + argument + issue.message + place)
        lines += issue.details.map { "         " + $0 }
      }
    }
    for issue in grade.run.otherIssues {
      lines.append("")
      lines.append("  " + style.failure("FAIL") + " " + issue.message)
      lines += issue.details.map { "         " + $0 }
    }
    if !stubs.isEmpty {
      lines.append("")
      lines += notStartedLines(stubs)
    }

    lines.append("")
    switch grade.status {
    case .passed:
      lines.append(
        style.success("All \(grade.run.gradedCount) checks pass.")
          + " Compare with the reference: `\(command) solution \(alias)`.")
    case .unavailable:
      break
    default:
      lines.append("Stuck? `\(command) hint \(alias)` shows the next hint.")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The checks that wait for stubs: with one function, its name and every check's name;
  /// with more, one row per function with how many checks wait for it, and the checks' names
  /// only when there are at most ``maximumListedStubs``.
  private func notStartedLines(_ stubs: [TestRecord]) -> [String] {
    let groups = Self.stubsByFunction(stubs)
    var lines: [String]
    if groups.count <= 1 {
      lines = [
        "  NOT STARTED \(stubs.count) checks wait for: "
          + groups.map(\.function).joined(separator: ", ")
      ]
    } else {
      lines = ["  NOT STARTED \(stubs.count) checks wait for \(groups.count) functions:"]
      let width = groups.map(\.function.count).max() ?? 0
      lines += groups.map { group in
        let padding = String(repeating: " ", count: width - group.function.count + 2)
        let checks = group.count == 1 ? "1 check" : "\(group.count) checks"
        return "    " + group.function + padding + checks
      }
    }
    if groups.count <= 1 || stubs.count <= maximumListedStubs {
      lines += stubs.map { "       " + style.dim($0.displayName) }
    }
    return lines
  }

  /// Groups the checks that wait for stubs by the first function each one reports as not
  /// implemented, in first-seen order.
  ///
  /// - Parameter tests: Tests whose failures come from stubs.
  /// - Returns: One entry per function, with how many of the tests wait for it first.
  public static func stubsByFunction(_ tests: [TestRecord]) -> [(function: String, count: Int)] {
    var groups: [(function: String, count: Int)] = []
    for test in tests {
      let function = notImplementedFunctions(in: [test]).first ?? "?"
      if let index = groups.firstIndex(where: { $0.function == function }) {
        groups[index].count += 1
      } else {
        groups.append((function, 1))
      }
    }
    return groups
  }

  /// A test's display name and declaration place.
  private func describe(_ test: TestRecord) -> String {
    let place = test.location.map { " (\($0.text))" } ?? ""
    return "\"\(test.displayName)\"" + style.dim(place)
  }

  /// The names of the functions that reported "is not implemented yet", in first-seen order.
  ///
  /// - Parameter tests: Tests whose failures come from stubs.
  /// - Returns: Function names such as `pruneWeights(_:threshold:)`.
  public static func notImplementedFunctions(in tests: [TestRecord]) -> [String] {
    var names: [String] = []
    for issue in tests.flatMap(\.issues) {
      for text in [issue.message] + issue.details {
        guard let range = text.range(of: " " + TestIssue.notImplementedPhrase) else { continue }
        let name = functionName(endingAt: text[..<range.lowerBound])
        if !name.isEmpty && !names.contains(name) { names.append(name) }
      }
    }
    return names
  }

  /// The function name at the end of a text: `f(_:x:)` or `Type.f(_:)` or a bare identifier,
  /// without anything around it (`Optional(f(_:)` gives `f(_:)`).
  ///
  /// - Parameter text: Text that ends with a function name.
  /// - Returns: The name, or an empty string when the text does not end with one.
  static func functionName(endingAt text: Substring) -> String {
    let characters = Array(text)
    var start = characters.count
    if characters.last == ")" {
      guard let open = characters.lastIndex(of: "(") else { return "" }
      start = open
    }
    func isIdentifier(_ character: Character) -> Bool {
      character.isLetter || character.isNumber || character == "_" || character == "."
    }
    while start > 0 && isIdentifier(characters[start - 1]) { start -= 1 }
    while start < characters.count && characters[start] == "." { start += 1 }
    return String(characters[start...])
  }
}
