import Foundation

/// The inventory half of `kit verify`: the files of the kit agree with each other before any
/// test runs.
///
/// It finds, each as one sentence naming the file:
/// - a Swift file in `Exercises/NN-Name` without its twin in `Solutions/NN-Name`, or the reverse;
/// - a stub file that differs from its solution (so it is learner work) with a function whose
///   body neither throws `.notImplemented` nor equals the reference's body (a given helper);
/// - a file where the carried pristine copy (`.kit/pristine.json`) and `Exercises/` differ;
/// - a row of the top-level README's "Graded checks" column that is not the number of
///   `@Test` declarations in the exercise's tests (as the board counts them).
public struct InventoryCheck: Sendable {
  /// The exercises and the package root.
  public var catalogue: Catalogue

  /// Creates the check.
  ///
  /// - Parameter catalogue: The exercises and the package root.
  public init(catalogue: Catalogue) {
    self.catalogue = catalogue
  }

  /// Runs every part of the check.
  ///
  /// - Returns: The problems found, one sentence each; empty when the inventory agrees.
  public func problems() -> [String] {
    var problems: [String] = []
    for exercise in catalogue.exercises {
      problems += fileProblems(exercise)
    }
    problems += pristineProblems()
    problems += readmeProblems()
    return problems
  }

  /// The twin files and the stub bodies of one exercise.
  func fileProblems(_ exercise: Exercise) -> [String] {
    let stubs = names(in: exercise.exercisePath)
    let solutions = names(in: exercise.solutionPath)
    var problems: [String] = []
    for name in stubs.subtracting(solutions).sorted() {
      problems.append(
        "\(exercise.exercisePath)/\(name) has no twin in \(exercise.solutionPath)")
    }
    for name in solutions.subtracting(stubs).sorted() {
      problems.append(
        "\(exercise.solutionPath)/\(name) has no twin in \(exercise.exercisePath)")
    }
    for name in stubs.intersection(solutions).sorted() {
      let stubPath = "\(exercise.exercisePath)/\(name)"
      guard
        let stub = FileManager.default.contents(atPath: catalogue.absolute(stubPath)),
        let reference = FileManager.default.contents(
          atPath: catalogue.absolute("\(exercise.solutionPath)/\(name)"))
      else { continue }
      if stub == reference { continue }
      let given = Set(
        Self.functionBodies(in: String(decoding: reference, as: UTF8.self)).map(\.body))
      for function in Self.functionBodies(in: String(decoding: stub, as: UTF8.self))
      where !function.body.contains(".notImplemented(") && !given.contains(function.body) {
        problems.append(
          "\(stubPath):\(function.line): \(function.name) neither throws .notImplemented "
            + "nor matches the reference")
      }
    }
    return problems
  }

  /// The Swift file names (relative to the folder) in a folder.
  private func names(in folder: String) -> Set<String> {
    Set(catalogue.swiftFiles(in: folder).map { String($0.dropFirst(folder.count + 1)) })
  }

  /// The files where the carried pristine copy and `Exercises/` differ (one missing, or other
  /// text), or why the copy cannot be read; empty when the package carries no copy.
  ///
  /// - Returns: One sentence per differing file, sorted by path.
  public func pristineProblems() -> [String] {
    do {
      guard let carried = try PristineCopy.load(from: catalogue) else { return [] }
      return carried.differences(from: PristineCopy.capture(from: catalogue)).map {
        "\(PristineCopy.path) differs from Exercises/\($0) "
          + "(Scripts/update-pristine writes Exercises/ into \(PristineCopy.path))"
      }
    } catch {
      return [error.description]
    }
  }

  /// The README rows whose "Graded checks" number is not the exercise's declared count.
  func readmeProblems() -> [String] {
    guard
      let text = try? String(contentsOfFile: catalogue.absolute("README.md"), encoding: .utf8)
    else { return [] }
    var column: Int?
    var rows: [String: (line: Int, count: String)] = [:]
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
        .dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
      guard !cells.isEmpty else {
        column = nil
        continue
      }
      if let index = cells.firstIndex(of: "Graded checks") {
        column = index
      } else if let column, column < cells.count, let number = cells.first,
        catalogue.exercises.contains(where: { $0.number == number })
      {
        rows[number] = (offset + 1, cells[column])
      }
    }
    guard !rows.isEmpty else { return [] }
    var problems: [String] = []
    for exercise in catalogue.availableExercises {
      let declared = catalogue.declaredCheckCount(of: exercise)
      guard let row = rows[exercise.number] else {
        problems.append("README.md: no row for \(exercise.title) in the Graded checks table")
        continue
      }
      if row.count != String(declared) {
        problems.append(
          "README.md:\(row.line): \(exercise.title) lists \(row.count) graded checks; "
            + "\(exercise.testsPath) declares \(declared)")
      }
    }
    return problems
  }

  /// The expectations written `#expect(try a == b)` in a Swift file: Swift Testing reports
  /// such a failure without either value, so a grading suite writes `expectEqual(a, b, "…")`.
  ///
  /// An expectation counts when its condition (the tokens before its first top-level comma)
  /// holds `try` and a top-level `==`. `#expect(throws:)`, other comparisons and the text of
  /// comments and strings do not count.
  ///
  /// ```swift
  /// #expect(try pruneCount(.fraction(0.5), of: 5) == 2)  // counts
  /// #expect(try isNM(mask, n: 2, m: 4))                  // does not: no `==`
  /// ```
  ///
  /// - Parameter source: The file.
  /// - Returns: The byte offset of each such `#expect`.
  /// - Complexity: O(*n*) in the length of the file.
  public static func valueHidingExpectations(in source: SwiftSource) -> [Int] {
    let tokens = source.tokens()
    var result: [Int] = []
    var position = 0
    while position + 2 < tokens.count {
      defer { position += 1 }
      guard tokens[position].text == "#", tokens[position + 1].text == "expect",
        tokens[position + 2].text == "("
      else { continue }
      var depth = 0
      var hasTry = false
      var hasEquals = false
      var cursor = position + 2
      scan: while cursor < tokens.count {
        switch tokens[cursor].text {
        case "(", "[", "{":
          depth += 1
        case ")", "]", "}":
          depth -= 1
          if depth == 0 { break scan }
        case "," where depth == 1:
          break scan
        case "try":
          hasTry = true
        case "==" where depth == 1:
          hasEquals = true
        default:
          break
        }
        cursor += 1
      }
      if hasTry && hasEquals { result.append(tokens[position].range.lowerBound) }
    }
    return result
  }

  /// The functions and initialisers with a body in a Swift file, outermost only.
  ///
  /// - Parameter text: The file's text.
  /// - Returns: Each one's name, line and body text (braces included).
  static func functionBodies(in text: String) -> [(name: String, line: Int, body: String)] {
    let source = SwiftSource(text)
    let tokens = source.tokens()
    var result: [(name: String, line: Int, body: String)] = []
    var position = 0
    while position < tokens.count {
      let word = tokens[position].text
      let isDeclaration =
        word == "func" || (word == "init" && (position == 0 || tokens[position - 1].text != "."))
      guard isDeclaration else {
        position += 1
        continue
      }
      let name =
        word == "func" && position + 1 < tokens.count ? tokens[position + 1].text : "init"
      var cursor = position + 1
      var parentheses = 0
      var open: Int?
      scan: while cursor < tokens.count {
        let text = tokens[cursor].text
        switch text {
        case "(", "[": parentheses += 1
        case ")", "]": parentheses -= 1
        default:
          if parentheses == 0 && text == "{" { open = cursor }
          if parentheses == 0 && ["{", "}", "func", "var", "let", "case"].contains(text) {
            break scan
          }
        }
        cursor += 1
      }
      guard let open else {
        position = cursor
        continue
      }
      var depth = 0
      var close = open
      while close < tokens.count {
        if tokens[close].text == "{" { depth += 1 }
        if tokens[close].text == "}" {
          depth -= 1
          if depth == 0 { break }
        }
        close += 1
      }
      let end = close < tokens.count ? tokens[close].range.upperBound : source.bytes.count
      let body = String(
        decoding: source.bytes[tokens[open].range.lowerBound..<end], as: UTF8.self)
      result.append(
        (name, source.line(of: tokens[position].range.lowerBound), body))
      position = close + 1
    }
    return result
  }
}
