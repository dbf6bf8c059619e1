/// The errors the kit reports to its user, typed so callers can match the exact case.
///
/// Each case carries what went wrong, and its `description` says it in a sentence (see
/// `KitError+Description.swift`). ``isUsageError`` tells the executable which exit code to use.
public enum KitError: Error, Equatable, Sendable {
  /// The command line could not be understood; the payload explains why.
  case usage(String)

  /// No exercise matches the name the user typed.
  case unknownExercise(String, known: [String])

  /// Several exercises match the name the user typed.
  case ambiguousExercise(String, candidates: [String])

  /// No `Package.swift` was found in the folder or any folder above it.
  case packageNotFound(String)

  /// `swift package dump-package` failed or printed something that is not a package.
  case invalidPackageDescription(String)

  /// A program could not be started at all (for example `swift` or `git` is missing).
  case launchFailed(program: String, reason: String)

  /// A program ran and failed; the payload is its name and the first line of its errors.
  case commandFailed(program: String, message: String)

  /// A file or folder could not be read or written.
  case fileSystem(path: String, reason: String)

  /// An exercise has no `HINTS.md`, or it holds no `## Level N:` sections.
  case noHints(exercise: String)

  /// A hint level outside the levels an exercise's `HINTS.md` has.
  case hintLevelOutOfRange(exercise: String, level: Int, available: Int)

  /// The exercise's folder or tests do not exist yet.
  case exerciseUnavailable(String)

  /// The pristine copy of a file could not be read from git.
  case gitUnavailable(String)

  // MARK: Interrupts

  /// The learner pressed Ctrl-C; every program the kit started has been stopped.
  case interrupted

  /// Whether the error is the user's usage mistake (exit code 64) rather than a failure.
  public var isUsageError: Bool {
    switch self {
    case .usage, .unknownExercise, .ambiguousExercise, .hintLevelOutOfRange:
      return true
    default:
      return false
    }
  }
}
