import Foundation
import KitSupport

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The progress file's contents: a schema version and one record per question id.
public struct ProgressFile: Codable, Hashable, Sendable {
  /// The schema version this build writes and reads.
  public static let currentVersion = 1

  /// The schema version of the file.
  public var schemaVersion: Int

  /// The records, keyed by question id (ids are stable, so edits to a question's text keep
  /// its progress).
  public var questions: [String: QuestionProgress]

  /// Creates a file's contents.
  ///
  /// - Parameters:
  ///   - schemaVersion: The schema version; the current one by default.
  ///   - questions: The records by question id.
  public init(
    schemaVersion: Int = ProgressFile.currentVersion,
    questions: [String: QuestionProgress] = [:]
  ) {
    self.schemaVersion = schemaVersion
    self.questions = questions
  }
}

/// Something about the progress file the learner should know; the quiz goes on regardless.
public enum StoreWarning: Hashable, Sendable {
  /// The file was a progress file the quiz wrote but its records were damaged; it was renamed
  /// and a fresh one is started.
  case corruptSetAside(path: String, movedTo: String)

  /// The file is corrupt or unreadable and could not be moved aside; progress is not saved.
  case cannotSetAside(path: String, reason: String)

  /// The file was written by a newer version of the quiz; it is left alone and not saved to.
  case newerVersion(path: String, version: Int)

  /// The state folder cannot be created; progress is not saved.
  case cannotCreateFolder(path: String, reason: String)

  /// Writing the file failed; progress is not saved for the rest of the session.
  case cannotSave(path: String, reason: String)

  /// Neither `XDG_STATE_HOME` nor `HOME` is set, so there is nowhere to save.
  case noStateLocation

  // MARK: Files the quiz did not write

  /// The path holds something the quiz did not write (a folder, a file that is not a progress
  /// file, a file it cannot read); it is left exactly as it is and progress is not saved.
  case leftAlone(path: String, reason: String)
}

/// Keeps the learner's progress in a versioned JSON file, written atomically after every
/// answer, so an interrupted session loses at most the question being asked.
///
/// A file that cannot be used is never fatal, and nothing the quiz did not write is ever moved
/// or overwritten: a folder, an unreadable file or a file that is not a progress file (not a
/// JSON object with a `schemaVersion`) is left as it is and saving is turned off with a
/// warning; a progress file whose records are damaged is set aside (renamed with a `.corrupt-`
/// suffix and the time) and a fresh one started; an unwritable folder turns saving off.
public final class ProgressStore {
  /// The progress file, or `nil` when there is nowhere to save.
  public let url: URL?

  /// The records by question id.
  public private(set) var file: ProgressFile

  /// Whether answers are written to disk.
  public private(set) var isSaving: Bool

  /// What happened while opening or saving, for the learner to see.
  public private(set) var warnings: [StoreWarning] = []

  private init(url: URL?, file: ProgressFile, isSaving: Bool) {
    self.url = url
    self.file = file
    self.isSaving = isSaving
  }

  /// A store that keeps progress in memory only (`--no-save`).
  ///
  /// - Parameter file: The progress to start from.
  /// - Returns: A store that never writes.
  public static func inMemory(_ file: ProgressFile = ProgressFile()) -> ProgressStore {
    ProgressStore(url: nil, file: file, isSaving: false)
  }

  /// The default progress file: `progress.json` in the tools' state folder (``StatePath``:
  /// `$XDG_STATE_HOME/pruning-kit/`, else `~/.local/state/pruning-kit/`).
  ///
  /// - Parameter environment: The process environment.
  /// - Returns: The file's location, or `nil` when neither variable is usable.
  public static func defaultURL(environment: [String: String]) -> URL? {
    guard let path = try? StatePath.item("progress.json", environment: environment) else {
      return nil
    }
    return URL(fileURLWithPath: path)
  }

  /// Reads the progress file without touching the file system otherwise (`--review
  /// --no-save`): nothing is created, set aside or written, and an unusable file reads as empty.
  ///
  /// - Parameter url: The progress file, or `nil`.
  /// - Returns: A store that never writes.
  public static func readOnly(at url: URL?) -> ProgressStore {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    guard let url, let data = try? Data(contentsOf: url),
      let file = try? decoder.decode(ProgressFile.self, from: data),
      (1...ProgressFile.currentVersion).contains(file.schemaVersion)
    else { return .inMemory() }
    return .inMemory(file)
  }

  /// Opens the progress file, creating its folder if needed.
  ///
  /// - Parameters:
  ///   - url: The progress file, or `nil` when there is nowhere to save.
  ///   - now: The current time, used to name a file that is set aside.
  /// - Returns: The store; check `warnings` for anything to tell the learner.
  public static func open(at url: URL?, now: Date) -> ProgressStore {
    guard let url else {
      let store = ProgressStore(url: nil, file: ProgressFile(), isSaving: false)
      store.warnings.append(.noStateLocation)
      return store
    }
    let store = ProgressStore(url: url, file: ProgressFile(), isSaving: true)
    let manager = FileManager.default
    let folder = url.deletingLastPathComponent()
    do {
      try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      store.isSaving = false
      store.warnings.append(
        .cannotCreateFolder(path: folder.path, reason: Self.reason(error)))
      return store
    }
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: url.path, isDirectory: &isFolder) else { return store }
    if isFolder.boolValue {
      return store.leaveAlone(
        reason: "it is a folder; give a file path such as \(url.path)/progress.json")
    }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      return store.leaveAlone(reason: Self.reason(error))
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    guard let probe = try? decoder.decode(VersionProbe.self, from: data) else {
      return store.leaveAlone(reason: "it is not a quiz progress file")
    }
    if probe.schemaVersion > ProgressFile.currentVersion {
      store.isSaving = false
      store.warnings.append(.newerVersion(path: url.path, version: probe.schemaVersion))
      return store
    }
    guard var file = try? decoder.decode(ProgressFile.self, from: data),
      file.schemaVersion >= 1
    else {
      store.setAside(suffix: "corrupt", now: now) { movedTo in
        .corruptSetAside(path: url.path, movedTo: movedTo)
      }
      return store
    }
    for (id, record) in file.questions {
      file.questions[id]?.box = min(max(record.box, 1), LeitnerScheduler.boxCount)
    }
    file.schemaVersion = ProgressFile.currentVersion
    store.file = file
    return store
  }

  /// The record of a question.
  ///
  /// - Parameter id: The question's id.
  /// - Returns: Its record, or `nil` if it was never answered.
  public func progress(of id: String) -> QuestionProgress? {
    file.questions[id]
  }

  /// Replaces a question's record and saves the file (when saving is on).
  ///
  /// - Parameters:
  ///   - record: The new record.
  ///   - id: The question's id.
  /// - Returns: The warning when saving failed just now (saving is then off).
  @discardableResult
  public func update(_ record: QuestionProgress, for id: String) -> StoreWarning? {
    file.questions[id] = record
    return save()
  }

  /// Writes the file atomically; on failure, records a warning and stops saving.
  ///
  /// - Returns: The warning when this save failed, so the caller can show it at once.
  @discardableResult
  public func save() -> StoreWarning? {
    guard isSaving, let url else { return nil }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    do {
      try AtomicFile.write(try encoder.encode(file), to: url)
      return nil
    } catch let failure as AtomicFile.Failure {
      return fail(.cannotSave(path: url.path, reason: failure.reason))
    } catch {
      return fail(.cannotSave(path: url.path, reason: Self.reason(error)))
    }
  }

  private func fail(_ warning: StoreWarning) -> StoreWarning {
    isSaving = false
    warnings.append(warning)
    return warning
  }

  /// Turns saving off and records why the file at the store's path is left as it is.
  private func leaveAlone(reason: String) -> ProgressStore {
    isSaving = false
    warnings.append(.leftAlone(path: url?.path ?? "", reason: reason))
    return self
  }

  /// Renames a damaged progress file out of the way, so a fresh one can be started.
  private func setAside(suffix: String, now: Date, warning: (String) -> StoreWarning) {
    guard let url else { return }
    let stamp = Self.stamp(now)
    var target = url.path + ".\(suffix)-\(stamp)"
    var attempt = 1
    while FileManager.default.fileExists(atPath: target) {
      attempt += 1
      target = url.path + ".\(suffix)-\(stamp)-\(attempt)"
    }
    if rename(url.path, target) == 0 {
      warnings.append(warning(target))
    } else {
      isSaving = false
      warnings.append(.cannotSetAside(path: url.path, reason: AtomicFile.systemError()))
    }
  }

  private static func stamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
    return formatter.string(from: date)
  }

  private static func reason(_ error: any Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let underlying, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return (error as NSError).localizedDescription
  }
}

/// The part of the file read first: a JSON object with a numeric `schemaVersion` is a progress
/// file the quiz wrote (anything else is left alone), and a newer schema is recognised before
/// the rest is decoded.
private struct VersionProbe: Decodable {
  var schemaVersion: Int
}
