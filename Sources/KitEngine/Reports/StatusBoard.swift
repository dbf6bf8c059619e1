import KitSupport

/// The progress board: every exercise in curriculum order with its checks, a progress bar and
/// the next step.
///
/// ```
///   01 WeightPruning      passed        17/17
///   02 StructuralPruning  in progress    5/21
///   03 PruningMetrics     crashed: Index out of range at Exercises/03-PruningMetrics/Accuracy.swift:12
///
///   [##########--------------------] 22/38 checks · 1 of 3 exercises passed
///
/// Next: 02 StructuralPruning — edit Exercises/02-StructuralPruning/…, then `kit check structural`
/// ```
public struct StatusBoard: Sendable {
  /// The exercises, for names and aliases.
  public var catalogue: Catalogue

  /// One grade per exercise, in curriculum order.
  public var grades: [Grade]

  /// Colours, or none.
  public var style: TextStyle

  /// How the learner runs the kit, as shown in the next step (`swift run kit`).
  public var command: String

  /// Creates a board.
  ///
  /// - Parameters:
  ///   - catalogue: The exercises.
  ///   - grades: One grade per exercise, in curriculum order.
  ///   - style: Colours, or none.
  ///   - command: How the learner runs the kit.
  public init(catalogue: Catalogue, grades: [Grade], style: TextStyle, command: String) {
    self.catalogue = catalogue
    self.grades = grades
    self.style = style
    self.command = command
  }

  /// The whole board, ending with a newline.
  public func render() -> String {
    let nameWidth = grades.map(\.exercise.title.count).max() ?? 0
    var lines: [String] = []
    for grade in grades {
      let title = grade.exercise.title.paddedRight(to: nameWidth + 2)
      lines.append("  " + title + row(for: grade))
    }
    lines.append("")
    lines.append("  " + summaryLine)
    lines.append("")
    lines.append(nextStep)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The line under the rows: a progress bar, the checks passed of the catalogue's total, and
  /// the exercises passed.
  public var summaryLine: String {
    let passedExercises = grades.count(where: \.isPassed)
    let checks = grades.compactMap(\.checkCount).reduce(0, +)
    let passedChecks = grades.map(\.passedCount).reduce(0, +)
    let bar = ProgressBar(done: passedChecks, total: checks)
    return "\(bar.text) \(passedChecks)/\(checks) checks · \(passedExercises) of \(grades.count) "
      + "exercises passed"
  }

  /// The status part of one row: the status in words (coloured when enabled) and the counts.
  ///
  /// - Parameter grade: The exercise's grade.
  /// - Returns: For example `"passed        17/17"`, or `crashed in "A test" (Tests/T.swift:9):
  ///   Index out of range at Exercises/E.swift:3 — 41/48 passed before it stopped`.
  public func row(for grade: Grade) -> String {
    let counts = "\(grade.passedCount)/\(grade.checkCount ?? grade.run.gradedCount)"
    let partial = (grade.checkCount ?? 0) > 0 ? " — \(counts) passed before it stopped" : ""
    let running =
      grade.run.runningTest.map { test in
        " in \"\(test.displayName)\"" + (test.location.map { " (\($0.text))" } ?? "")
      } ?? ""
    switch grade.status {
    case .passed:
      return style.success("passed".paddedRight(to: 13)) + counts.paddedLeft(to: 7)
    case .inProgress:
      return style.warning("in progress".paddedRight(to: 13)) + counts.paddedLeft(to: 7)
    case .notStarted:
      return "not started".paddedRight(to: 13) + counts.paddedLeft(to: 7)
    case .doesNotCompile(_, let message):
      return style.failure("does not compile") + ": " + message
    case .crashed(let report):
      let place = report.location.map { " at \($0.text)" } ?? ""
      return style.failure("crashed") + running + ": " + report.message + place + partial
    case .timedOut(let seconds):
      return style.failure("timed out") + " after \(Self.seconds(seconds))" + running + partial
    case .noTests:
      return style.failure("no tests") + ": the filter \(grade.exercise.testFilter) matched nothing"
    case .buildFailed:
      return style.failure("not graded") + ": the build failed outside the exercises"
    case .couldNotRun(let reason):
      return style.failure("could not run") + ": " + reason
    case .unavailable:
      return style.dim("not available yet")
    }
  }

  /// The status as a phrase, for sentences: `in progress, 5 of 21 checks pass`, or the row's
  /// text for the statuses without counts.
  ///
  /// - Parameter grade: The exercise's grade.
  /// - Returns: The phrase, coloured when enabled.
  public func phrase(for grade: Grade) -> String {
    let counts = "\(grade.passedCount) of \(grade.checkCount ?? grade.run.gradedCount) checks pass"
    switch grade.status {
    case .passed: return style.success("passed") + ", " + counts
    case .inProgress: return style.warning("in progress") + ", " + counts
    case .notStarted: return "not started, " + counts
    default: return row(for: grade)
    }
  }

  /// The line that says what to do next: the first exercise in curriculum order that does not
  /// pass, and how to fix and check it.
  public var nextStep: String {
    for grade in grades {
      if case .buildFailed(let message) = grade.status {
        return style.emphasis("The kit does not build: ") + message + "\n"
          + "If you changed files outside Exercises/, `git diff` shows what to restore."
      }
    }
    guard let grade = grades.first(where: { !$0.isPassed && $0.status != .unavailable }) else {
      let waiting = grades.count { $0.status == .unavailable }
      if grades.isEmpty || waiting == grades.count {
        return "No exercise is available yet."
      }
      let more = waiting > 0 ? " (\(waiting) more to come)" : ""
      return style.emphasis("All exercises pass\(more).")
        + " Compare with the references: `\(command) solution NAME`."
    }
    let exercise = grade.exercise
    let check = "`\(command) check \(catalogue.alias(for: exercise))`"
    let action: String
    switch grade.status {
    case .notStarted:
      action = "read \(exercise.exercisePath)/README.md, fill in the stubs there, then \(check)"
    case .doesNotCompile(let diagnostic, _):
      let place = diagnostic.map {
        " at \(catalogue.relative($0.location.path)):\($0.location.line)"
      }
      action = "fix the compile error\(place ?? ""), then \(check)"
    case .crashed(let report):
      let place = report.location.map { " at \($0.text)" } ?? ""
      action = "fix the crash\(place), then \(check)"
    case .timedOut:
      action = "look for an endless loop in \(exercise.exercisePath)/…, then \(check)"
    default:
      action = "edit \(exercise.exercisePath)/…, then \(check)"
    }
    return style.emphasis("Next: \(exercise.title)") + " — " + action
  }

  /// Seconds as `60 s` or `2.5 s`.
  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
  }
}
