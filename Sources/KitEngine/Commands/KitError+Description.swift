extension KitError: CustomStringConvertible {
  /// A sentence that says what went wrong and, where it helps, what to do next.
  public var description: String {
    switch self {
    case .usage(let message):
      return message
    case .unknownExercise(let name, let known):
      let suggestion = Self.closest(to: name, among: known).map { "did you mean \($0)? " } ?? ""
      return "no exercise is called '\(name)'; \(suggestion)the exercises are "
        + known.joined(separator: ", ")
    case .ambiguousExercise(let name, let candidates):
      return "'\(name)' matches several exercises: \(candidates.joined(separator: ", "))"
    case .packageNotFound(let folder):
      return "no Package.swift in \(folder) or any folder above it; run kit inside the kit"
    case .invalidPackageDescription(let reason):
      return "could not read the package description: \(reason)"
    case .launchFailed(let program, let reason):
      return "could not start \(program): \(reason)"
    case .commandFailed(let program, let message):
      return "\(program) failed: \(message)"
    case .fileSystem(let path, let reason):
      return "\(path): \(reason)"
    case .noHints(let exercise):
      return "\(exercise) has no hints (its HINTS.md is missing or has no '## Level' sections)"
    case .hintLevelOutOfRange(let exercise, let level, let available):
      return "\(exercise) has hint levels 1...\(available); there is no level \(level)"
    case .exerciseUnavailable(let exercise):
      return "\(exercise) is not available yet: its folder or its tests do not exist"
    case .gitUnavailable(let reason):
      return "cannot read the pristine files from git: \(reason)"
    case .interrupted:
      return "interrupted; every program the kit started has stopped"
    }
  }
}

extension KitError {
  /// The known exercise (`"01 WeightPruning (weight)"`) whose name or alias is nearest to a
  /// misspelt name, when it is near enough: at most a third of the name's letters apart.
  static func closest(to name: String, among known: [String]) -> String? {
    let query = name.lowercased()
    var best: (entry: String, distance: Int)?
    for entry in known {
      let words = entry.lowercased().split(whereSeparator: { " ()".contains($0) }).map(String.init)
      for word in words where !word.allSatisfy(\.isNumber) {
        let distance = editDistance(query, word)
        if distance < (best?.distance ?? .max) { best = (entry, distance) }
      }
    }
    guard let best, best.distance <= max(1, query.count / 3) else { return nil }
    return best.entry
  }

  /// The Levenshtein distance between two words.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
  }
}
