/// Where the tools keep what they remember between runs: one rule for `kit` and `quiz`.
///
/// The folder is `$XDG_STATE_HOME/pruning-kit` when `XDG_STATE_HOME` is an absolute path
/// (the XDG Base Directory specification says to ignore a relative one), else
/// `$HOME/.local/state/pruning-kit` when `HOME` is set and not empty; with neither there is
/// no state folder, and ``folder(environment:)`` throws rather than guessing one.
public enum StatePath {
  /// The name of the tools' folder inside the state home.
  public static let folderName = "pruning-kit"

  /// The tools' state folder for a process environment.
  ///
  /// - Parameter environment: The process environment (`XDG_STATE_HOME`, `HOME`).
  /// - Returns: The folder's absolute path, without a trailing slash.
  /// - Throws: ``StatePathError/noStateHome`` when neither variable gives a place.
  public static func folder(environment: [String: String]) throws(StatePathError) -> String {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return trimmed(state) + "/" + folderName
    }
    if let home = environment["HOME"], !home.isEmpty {
      return trimmed(home) + "/.local/state/" + folderName
    }
    throw .noStateHome
  }

  /// A file or folder inside the tools' state folder.
  ///
  /// - Parameters:
  ///   - name: Its path relative to the state folder, such as `progress.json`.
  ///   - environment: The process environment.
  /// - Returns: Its absolute path.
  /// - Throws: ``StatePathError/noStateHome`` when there is no state folder.
  public static func item(
    _ name: String, environment: [String: String]
  ) throws(StatePathError) -> String {
    try folder(environment: environment) + "/" + name
  }

  private static func trimmed(_ path: String) -> String {
    var path = path
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    return path == "/" ? "" : path
  }
}

/// Why there is no state folder.
public enum StatePathError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Neither `XDG_STATE_HOME` (absolute) nor `HOME` is set.
  case noStateHome

  /// The reason, in a sentence fragment.
  public var description: String {
    switch self {
    case .noStateHome:
      return "neither XDG_STATE_HOME (an absolute path) nor HOME is set, so there is no state "
        + "folder"
    }
  }
}
