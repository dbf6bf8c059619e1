import Foundation

/// The last grades of the exercises, keyed by a fingerprint of every file that can change them,
/// so the board answers at once for the exercises whose files have not changed.
///
/// The file lives in the shared build folder (`.build/kit-grades.json`): removing the build
/// folder removes it too. The kit replaces it only when it is a cache the kit wrote (a JSON
/// object with a `kitGradeCache` version); anything else there is left alone and nothing is
/// cached. The package description (`swift package dump-package`) is kept the same way, keyed
/// by the manifest's fingerprint.
public struct GradeCache: Sendable {
  /// The cache file's path.
  public var path: String

  /// The contents.
  public var contents: Contents

  /// Whether the file may be written: it is missing or it is a cache the kit wrote.
  public private(set) var isWritable: Bool

  /// What the file holds.
  public struct Contents: Codable, Sendable {
    /// The format version.
    public var kitGradeCache = 1

    /// The manifest's fingerprint and the package description printed for it.
    public var manifest: String?

    /// The package description for ``manifest``.
    public var packageDescription: String?

    /// The last grade of each exercise, by module name, with the fingerprint it was made for.
    public var grades: [String: Entry] = [:]
  }

  /// One exercise's last grade.
  public struct Entry: Codable, Sendable {
    /// The fingerprint of the files the grade was made from.
    public var fingerprint: String

    /// The grade.
    public var grade: Grade
  }

  /// The cache file of a package.
  ///
  /// - Parameter root: The package root.
  /// - Returns: `<root>/.build/kit-grades.json`, loaded (empty when missing or not the kit's).
  public static func load(root: String) -> GradeCache {
    let path = root + "/" + GradingSettings.sharedScratchPath + "/kit-grades.json"
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      return GradeCache(path: path, contents: Contents(), isWritable: true)
    }
    guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      object["kitGradeCache"] is NSNumber
    else {
      return GradeCache(path: path, contents: Contents(), isWritable: false)
    }
    let contents = (try? JSONDecoder().decode(Contents.self, from: data)) ?? Contents()
    return GradeCache(path: path, contents: contents, isWritable: true)
  }

  /// The grade of an exercise, when it was made from files with this fingerprint.
  ///
  /// - Parameters:
  ///   - exercise: The exercise.
  ///   - fingerprint: The fingerprint of its files now.
  /// - Returns: The cached grade, or `nil`.
  public func grade(of exercise: Exercise, fingerprint: String) -> Grade? {
    guard let entry = contents.grades[exercise.name], entry.fingerprint == fingerprint else {
      return nil
    }
    return entry.grade
  }

  /// Remembers a grade, unless its status depends on more than the files (a time-out, a build
  /// that failed outside the exercises, a run that could not start).
  ///
  /// - Parameters:
  ///   - grade: The grade.
  ///   - fingerprint: The fingerprint of the files it was made from.
  public mutating func store(_ grade: Grade, fingerprint: String) {
    switch grade.status {
    case .passed, .inProgress, .notStarted, .doesNotCompile, .crashed:
      contents.grades[grade.exercise.name] = Entry(fingerprint: fingerprint, grade: grade)
    default:
      contents.grades[grade.exercise.name] = nil
    }
  }

  /// Writes the cache atomically, when the file is the kit's; failures are ignored (the cache
  /// only saves time).
  public func save() {
    guard isWritable else { return }
    let url = URL(fileURLWithPath: path)
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    guard let data = try? JSONEncoder().encode(contents) else { return }
    try? data.write(to: url, options: .atomic)
  }

  /// A fingerprint of files: FNV-1a (64 bits, over 8-byte words, so a debug build stays fast)
  /// over each path and its contents, in order.
  ///
  /// - Parameters:
  ///   - paths: Files relative to the root; a missing file counts as empty.
  ///   - root: The package root.
  ///   - salt: More text that changes the grade (the mode, the time limit).
  /// - Returns: Sixteen hexadecimal digits.
  /// - Complexity: O(*n*) in the total size of the files.
  public static func fingerprint(of paths: [String], root: String, salt: String = "") -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ raw: UnsafeRawBufferPointer) {
      var offset = 0
      while offset + 8 <= raw.count {
        hash ^= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        hash = hash &* 0x0000_0100_0000_01b3
        offset += 8
      }
      while offset < raw.count {
        hash ^= UInt64(raw[offset])
        hash = hash &* 0x0000_0100_0000_01b3
        offset += 1
      }
      hash ^= UInt64(raw.count)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    func mix(_ data: Data) { data.withUnsafeBytes { mix($0) } }
    mix(Data(salt.utf8))
    for path in paths {
      mix(Data(path.utf8))
      mix(FileManager.default.contents(atPath: root + "/" + path) ?? Data())
    }
    return String(hash, radix: 16)
  }
}

extension Catalogue {
  /// The folders of code every exercise builds on: the kit's library and its test support.
  public static let sharedFolders = ["Sources/PruningCore", "Tests/PruningTestSupport"]

  /// The files of an exercise whose contents decide its grade: its folder and its tests.
  ///
  /// - Parameter exercise: An exercise of this catalogue.
  /// - Returns: Paths relative to the root, sorted within each group.
  public func gradedFiles(of exercise: Exercise) -> [String] {
    files(in: exercise.exercisePath) + files(in: exercise.testsPath)
  }

  /// The files every exercise's grade depends on: the shared code and test support
  /// (``sharedFolders``) and the manifest.
  public var sharedGradedFiles: [String] {
    Self.sharedFolders.flatMap { files(in: $0) } + ["Package.swift"]
  }
}
