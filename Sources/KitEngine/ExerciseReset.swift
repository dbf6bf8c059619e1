import Foundation

/// One file that resetting an exercise changes.
public struct ResetChange: Hashable, Sendable {
  /// What happens to the file.
  public enum Kind: String, Hashable, Sendable {
    /// The learner changed it; the pristine copy replaces it.
    case modified

    /// The learner deleted it; the pristine copy comes back.
    case missing

    /// The learner added it; it moves to the backup.
    case added
  }

  /// The file, relative to the package root.
  public var path: String

  /// What happens to it.
  public var kind: Kind

  /// Creates a change.
  ///
  /// - Parameters:
  ///   - path: The file, relative to the package root.
  ///   - kind: What happens to it.
  public init(path: String, kind: Kind) {
    self.path = path
    self.kind = kind
  }
}

/// What resetting one exercise would do: the revision it restores from and the files it changes.
public struct ResetPlan: Hashable, Sendable {
  /// The exercise.
  public var exercise: Exercise

  /// The revision that holds the pristine files, such as `origin/main`.
  public var revision: String

  /// The files that differ from the pristine copy.
  public var changes: [ResetChange]

  /// The pristine contents of every tracked file, by path.
  public var pristine: [String: String]

  /// Whether the exercise is already pristine.
  public var isEmpty: Bool { changes.isEmpty }
}

/// Restores exercises to their pristine stubs from git, keeping a backup of every file it
/// replaces or removes, so nothing the learner wrote is lost.
public struct ExerciseReset: Sendable {
  /// The folder, under the package root, that holds the backups (git-ignored).
  public static let backupFolder = ".kit-backups"

  /// The exercises and the package root.
  public var catalogue: Catalogue

  /// Where the pristine files come from.
  public var git: Git

  /// Creates a reset helper.
  ///
  /// - Parameters:
  ///   - catalogue: The exercises and the package root.
  ///   - runner: What runs `git`.
  public init(catalogue: Catalogue, runner: any CommandRunning) {
    self.catalogue = catalogue
    self.git = Git(root: catalogue.root, runner: runner)
  }

  /// Works out which files of an exercise differ from the pristine copy.
  ///
  /// - Parameter exercise: The exercise.
  /// - Returns: The plan; empty when the exercise is already pristine.
  /// - Throws: `KitError.gitUnavailable` when the pristine copy cannot be read.
  public func plan(for exercise: Exercise) throws(KitError) -> ResetPlan {
    let folder = exercise.exercisePath
    let revision = try git.pristineRevision(of: folder)
    let tracked = try git.trackedFiles(in: folder, at: revision)
    var pristine: [String: String] = [:]
    var changes: [ResetChange] = []
    for path in tracked {
      let original = try git.contents(of: path, at: revision)
      pristine[path] = original
      let absolute = catalogue.absolute(path)
      if let data = FileManager.default.contents(atPath: absolute) {
        if data != Data(original.utf8) { changes.append(ResetChange(path: path, kind: .modified)) }
      } else {
        changes.append(ResetChange(path: path, kind: .missing))
      }
    }
    let trackedSet = Set(tracked)
    for path in catalogue.files(in: folder) where !trackedSet.contains(path) {
      changes.append(ResetChange(path: path, kind: .added))
    }
    return ResetPlan(
      exercise: exercise, revision: revision,
      changes: changes.sorted { $0.path < $1.path }, pristine: pristine)
  }

  /// A backup folder name for a moment, such as `2025-11-29T03-40-12`, that sorts by time.
  ///
  /// - Parameter date: The moment of the reset.
  /// - Returns: A UTC timestamp without characters file systems dislike.
  public static func timestamp(for date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd'T'HH-mm-ss"
    return formatter.string(from: date)
  }

  /// Carries plans out: backs up every file that will change, then restores or removes it.
  ///
  /// - Parameters:
  ///   - plans: The plans to carry out.
  ///   - date: The moment of the reset, which names the backup folder.
  /// - Returns: The backup folder, relative to the package root.
  /// - Throws: `KitError.fileSystem` when a file cannot be backed up or written; files not yet
  ///   reached are left as they were.
  @discardableResult
  public func apply(_ plans: [ResetPlan], date: Date = Date()) throws(KitError) -> String {
    let fileManager = FileManager.default
    var backup = "\(Self.backupFolder)/\(Self.timestamp(for: date))"
    var suffix = 2
    while fileManager.fileExists(atPath: catalogue.absolute(backup)) {
      backup = "\(Self.backupFolder)/\(Self.timestamp(for: date))-\(suffix)"
      suffix += 1
    }
    for plan in plans {
      for change in plan.changes {
        let target = catalogue.absolute(change.path)
        do {
          if fileManager.fileExists(atPath: target) {
            let copy = catalogue.absolute("\(backup)/\(change.path)")
            try fileManager.createDirectory(
              atPath: (copy as NSString).deletingLastPathComponent,
              withIntermediateDirectories: true)
            try fileManager.copyItem(atPath: target, toPath: copy)
          }
          switch change.kind {
          case .modified, .missing:
            try fileManager.createDirectory(
              atPath: (target as NSString).deletingLastPathComponent,
              withIntermediateDirectories: true)
            try Data((plan.pristine[change.path] ?? "").utf8).write(
              to: URL(fileURLWithPath: target), options: .atomic)
          case .added:
            try fileManager.removeItem(atPath: target)
          }
        } catch {
          throw .fileSystem(path: change.path, reason: error.localizedDescription)
        }
      }
    }
    return backup
  }
}
