import Foundation
import KitSupport

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

/// Reads and writes ``KitState`` in the tools' state folder (``StatePath``:
/// `$XDG_STATE_HOME/pruning-kit/`, else `~/.local/state/pruning-kit/`), atomically, and never
/// loses a file it cannot read.
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
  /// - Returns: A store for `kit-state.json` in the state folder.
  /// - Throws: `KitError.fileSystem` when neither `XDG_STATE_HOME` nor `HOME` gives a folder.
  public static func standard(environment: [String: String]) throws(KitError) -> KitStateStore {
    KitStateStore(path: try stateItem("kit-state.json", environment: environment))
  }

  /// A file or folder in the tools' state folder.
  ///
  /// - Parameters:
  ///   - name: Its path relative to the state folder.
  ///   - environment: The process environment.
  /// - Returns: Its absolute path.
  /// - Throws: `KitError.fileSystem` when there is no state folder.
  static func stateItem(_ name: String, environment: [String: String]) throws(KitError) -> String {
    do {
      return try StatePath.item(name, environment: environment)
    } catch {
      throw .fileSystem(path: "$XDG_STATE_HOME/\(StatePath.folderName)", reason: error.description)
    }
  }

  /// Loads the state.
  ///
  /// A missing file is a fresh start. The kit never moves or overwrites what it did not write:
  /// a folder, an unreadable file, or a file that is not a kit state (a JSON object with a
  /// numeric `version`) is left as it is, with a warning, and ``save(_:)`` will not replace it.
  /// A kit state whose contents are damaged is renamed aside (`.corrupt-1`, `.corrupt-2`, …,
  /// never over an earlier one), with a warning naming where it went, and a fresh state is used.
  ///
  /// - Returns: The state, and a warning to show when the file could not be used.
  public func load() -> (state: KitState, warning: String?) {
    let fileManager = FileManager.default
    var isFolder: ObjCBool = false
    guard fileManager.fileExists(atPath: path, isDirectory: &isFolder) else {
      return (KitState(), nil)
    }
    if isFolder.boolValue {
      return (KitState(), "\(path) is a folder, not the kit's state; it is left as it is")
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      let reason = error.localizedDescription
      return (KitState(), "could not read \(path) (\(reason)); it is left as it is")
    }
    guard Self.isKitState(data) else {
      return (KitState(), "\(path) is not the kit's state; it is left as it is")
    }
    do {
      return (try JSONDecoder().decode(KitState.self, from: data), nil)
    } catch {
      var attempt = 1
      while fileManager.fileExists(atPath: "\(path).corrupt-\(attempt)") { attempt += 1 }
      let aside = "\(path).corrupt-\(attempt)"
      let moved = (try? fileManager.moveItem(atPath: path, toPath: aside)) != nil
      let kept = moved ? "; it was moved to \(aside)" : ""
      return (KitState(), "could not read \(path) (\(error.localizedDescription))\(kept)")
    }
  }

  /// Saves the state atomically (``AtomicFile``: a temporary file beside it, then a rename).
  ///
  /// - Parameter state: The state to save.
  /// - Throws: `KitError.fileSystem` when the folder or file cannot be written, or when the
  ///   path holds something the kit did not write (a folder, a file that is not a kit state).
  public func save(_ state: KitState) throws(KitError) {
    let url = URL(fileURLWithPath: path)
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
      let data = isFolder.boolValue ? nil : FileManager.default.contents(atPath: path)
      guard let data, Self.isKitState(data) else {
        throw .fileSystem(path: path, reason: "it is not the kit's state, so it is left as it is")
      }
    }
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      try AtomicFile.write(try encoder.encode(state), to: url)
    } catch let failure as AtomicFile.Failure {
      throw .fileSystem(path: path, reason: failure.reason)
    } catch {
      throw .fileSystem(path: path, reason: error.localizedDescription)
    }
  }

  /// Whether data is a state the kit wrote: a JSON object with a numeric `version`.
  static func isKitState(_ data: Data) -> Bool {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      return false
    }
    return object["version"] is NSNumber
  }
}
