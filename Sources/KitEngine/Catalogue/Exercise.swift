/// One exercise of the kit: a numbered module whose stub files the learner fills in.
///
/// The manifest declares each exercise once; ``Catalogue`` reads them from
/// `swift package dump-package`. The same relative file paths exist under
/// ``exercisePath`` (what the learner edits) and ``solutionPath`` (the reference).
public struct Exercise: Hashable, Sendable, Codable {
  /// The two-digit position in the curriculum, such as `"01"`.
  public var number: String

  /// The module name, such as `"WeightPruning"`.
  public var name: String

  /// The folder of the learner's files, relative to the package root.
  public var exercisePath: String

  /// The folder of the grading tests, relative to the package root.
  public var testsPath: String

  /// Creates an exercise.
  ///
  /// - Parameters:
  ///   - number: The two-digit position in the curriculum.
  ///   - name: The module name.
  ///   - exercisePath: The learner's folder; `Exercises/<number>-<name>` by default.
  ///   - testsPath: The folder of the grading tests; `Tests/<name>Tests` by default.
  public init(
    number: String,
    name: String,
    exercisePath: String? = nil,
    testsPath: String? = nil
  ) {
    self.number = number
    self.name = name
    self.exercisePath = exercisePath ?? "Exercises/\(number)-\(name)"
    self.testsPath = testsPath ?? "Tests/\(name)Tests"
  }

  /// The folder name shared by the exercise and its solution, such as `"01-WeightPruning"`.
  public var folderName: String {
    exercisePath.split(separator: "/").last.map(String.init) ?? "\(number)-\(name)"
  }

  /// The folder of the reference solution, relative to the package root.
  public var solutionPath: String { "Solutions/\(folderName)" }

  /// The grading test target, such as `"WeightPruningTests"`.
  public var testTarget: String { "\(name)Tests" }

  /// The number and the name, as the board shows them: `"01 WeightPruning"`.
  public var title: String { "\(number) \(name)" }

  /// The `swift test --filter` pattern that selects exactly this exercise's grading tests.
  public var testFilter: String { "^" + TestFilter.escaped(testTarget) + "\\." }
}
