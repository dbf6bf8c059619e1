extension KitError: CustomStringConvertible {
  /// A sentence that says what went wrong and, where it helps, what to do next.
  public var description: String {
    switch self {
    case .usage(let message):
      return message
    case .unknownExercise(let name, let known):
      return "no exercise is called '\(name)'; the exercises are \(known.joined(separator: ", "))"
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
