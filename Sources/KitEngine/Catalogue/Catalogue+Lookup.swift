/// The result of looking an exercise up by the name a user typed.
public enum ExerciseMatch: Equatable, Sendable {
  /// Exactly one exercise matches.
  case exercise(Exercise)

  /// Several exercises match equally well.
  case ambiguous([Exercise])

  /// No exercise matches.
  case none
}

extension Catalogue {
  /// Looks an exercise up by number, module name or a short alias.
  ///
  /// The rules, tried in order (case is ignored throughout):
  /// 1. the number (`01`, `1`), the module name (`WeightPruning`) or the folder name
  ///    (`01-WeightPruning`, also as a path such as `Exercises/01-WeightPruning/`);
  /// 2. the short name: the module name without the words most exercise names share
  ///    (`weight` for WeightPruning when most names contain "Pruning");
  /// 3. a prefix of the module name or of one of its words (`metrics`, `sparse`, `struct`).
  ///
  /// The first rule with exactly one match wins; several matches under a rule are ambiguous.
  ///
  /// - Parameter query: What the user typed.
  /// - Returns: The exercise, the candidates when ambiguous, or `.none`.
  /// - Complexity: O(*n*) for *n* exercises.
  public func match(_ query: String) -> ExerciseMatch {
    var text = query.lowercased()
    while text.hasSuffix("/") { text.removeLast() }
    for prefix in ["./", "exercises/", "solutions/", "tests/"] where text.hasPrefix(prefix) {
      text.removeFirst(prefix.count)
    }
    guard !text.isEmpty else { return .none }

    if let number = Int(text) {
      let found = exercises.filter { Int($0.number) == number }
      return Self.decide(found) ?? .none
    }
    let exact = exercises.filter {
      $0.name.lowercased() == text || $0.folderName.lowercased() == text
        || $0.testTarget.lowercased() == text
    }
    if let decided = Self.decide(exact) { return decided }

    let short = exercises.filter { shortName(of: $0) == text }
    if let decided = Self.decide(short) { return decided }

    let prefixed = exercises.filter { exercise in
      exercise.name.lowercased().hasPrefix(text)
        || Self.words(of: exercise.name).contains { $0.hasPrefix(text) }
    }
    return Self.decide(prefixed) ?? .none
  }

  /// Looks an exercise up and throws when the name is unknown or ambiguous.
  ///
  /// - Parameter query: What the user typed.
  /// - Returns: The one matching exercise.
  /// - Throws: `KitError.unknownExercise` or `KitError.ambiguousExercise`.
  public func exercise(named query: String) throws(KitError) -> Exercise {
    switch match(query) {
    case .exercise(let exercise):
      return exercise
    case .ambiguous(let candidates):
      throw .ambiguousExercise(
        query, candidates: candidates.map { "\($0.title) (\(alias(for: $0)))" })
    case .none:
      throw .unknownExercise(query, known: exercises.map { "\($0.title) (\(alias(for: $0)))" })
    }
  }

  /// The shortest everyday name that selects an exercise, for messages such as
  /// "then `kit check metrics`".
  ///
  /// - Parameter exercise: An exercise of this catalogue.
  /// - Returns: Its short name, one of its words, or its number, whichever first selects it.
  public func alias(for exercise: Exercise) -> String {
    let full = exercise.name.lowercased()
    let candidates = [shortName(of: exercise)] + Self.words(of: exercise.name)
    for candidate in candidates where !candidate.isEmpty && candidate != full {
      if match(candidate) == .exercise(exercise) { return candidate }
    }
    return full
  }

  /// The module name, lower-cased, without the words that most exercise names share.
  ///
  /// - Parameter exercise: An exercise of this catalogue.
  /// - Returns: For example `"metrics"` for PruningMetrics in a kit where most names contain
  ///   "Pruning"; the whole name when it has no such word.
  public func shortName(of exercise: Exercise) -> String {
    var counts: [String: Int] = [:]
    for other in exercises {
      for word in Set(Self.words(of: other.name)) { counts[word, default: 0] += 1 }
    }
    let common = Set(counts.filter { $0.value * 2 > exercises.count }.keys)
    let kept = Self.words(of: exercise.name).filter { !common.contains($0) }
    return kept.isEmpty ? exercise.name.lowercased() : kept.joined()
  }

  /// Splits a module name into lower-cased words at its capitals: `SparseFormats` →
  /// `["sparse", "formats"]`, `CSRMatrix` → `["csr", "matrix"]`.
  ///
  /// - Parameter name: A module name in UpperCamelCase.
  /// - Returns: Its words, lower-cased.
  public static func words(of name: String) -> [String] {
    var words: [String] = []
    var current = ""
    let characters = Array(name)
    for (index, character) in characters.enumerated() {
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      let previous = index > 0 ? characters[index - 1] : nil
      let startsWord =
        character.isUppercase
        && ((previous?.isLowercase ?? false) || (previous?.isNumber ?? false)
          || ((previous?.isUppercase ?? false) && (next?.isLowercase ?? false)))
      if startsWord && !current.isEmpty {
        words.append(current.lowercased())
        current = ""
      }
      if character.isLetter || character.isNumber { current.append(character) }
    }
    if !current.isEmpty { words.append(current.lowercased()) }
    return words
  }

  private static func decide(_ found: [Exercise]) -> ExerciseMatch? {
    switch found.count {
    case 0: return nil
    case 1: return .exercise(found[0])
    default: return .ambiguous(found)
    }
  }
}
