import Foundation

/// What the kit remembers between runs: the hint levels each exercise's learner has seen.
public struct KitState: Codable, Hashable, Sendable {
  /// The format version, for later changes.
  public var version: Int

  /// The highest hint level seen, by exercise module name.
  public var hintLevelsSeen: [String: Int]

  /// Creates a state.
  ///
  /// - Parameter hintLevelsSeen: The highest hint level seen, by exercise module name.
  public init(hintLevelsSeen: [String: Int] = [:]) {
    self.version = 1
    self.hintLevelsSeen = hintLevelsSeen
  }
}

/// Reads and writes ``KitState`` under `$XDG_STATE_HOME/pruning-kit/` (by default
/// `~/.local/state/pruning-kit/`), atomically, and never loses a file it cannot read.
public struct KitStateStore: Sendable {
  /// The state file's path.
  public var path: String

  /// Creates a store for a given file.
  ///
  /// - Parameter path: The state file's path.
  public init(path: String) {
    self.path = path
  }

  /// The store at the standard place for an environment.
  ///
  /// - Parameter environment: The process environment (`XDG_STATE_HOME`, `HOME`).
  /// - Returns: A store for `$XDG_STATE_HOME/pruning-kit/kit-state.json`, or
  ///   `~/.local/state/pruning-kit/kit-state.json` when `XDG_STATE_HOME` is unset or not absolute.
  public static func standard(environment: [String: String]) -> KitStateStore {
    let base: String
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      base = state
    } else {
      let home = environment["HOME"] ?? NSHomeDirectory()
      base = home + "/.local/state"
    }
    return KitStateStore(path: base + "/pruning-kit/kit-state.json")
  }

  /// Loads the state.
  ///
  /// A missing file is a fresh start. A file that cannot be read as a state is renamed with a
  /// `.corrupt` suffix (so nothing is lost) and a fresh state is used, with a warning.
  ///
  /// - Returns: The state, and a warning to show when the file could not be used.
  public func load() -> (state: KitState, warning: String?) {
    guard FileManager.default.fileExists(atPath: path) else { return (KitState(), nil) }
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      return (try JSONDecoder().decode(KitState.self, from: data), nil)
    } catch {
      let aside = path + ".corrupt"
      try? FileManager.default.removeItem(atPath: aside)
      let moved = (try? FileManager.default.moveItem(atPath: path, toPath: aside)) != nil
      let kept = moved ? "; it was kept as \(aside)" : ""
      return (KitState(), "could not read \(path) (\(error.localizedDescription))\(kept)")
    }
  }

  /// Saves the state atomically: a temporary file beside it, then a rename.
  ///
  /// - Parameter state: The state to save.
  /// - Throws: `KitError.fileSystem` when the folder or file cannot be written.
  public func save(_ state: KitState) throws(KitError) {
    let url = URL(fileURLWithPath: path)
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      try encoder.encode(state).write(to: url, options: .atomic)
    } catch {
      throw .fileSystem(path: path, reason: error.localizedDescription)
    }
  }
}
