import Foundation

/// The last grades of the exercises, keyed by a fingerprint of every file that can change them,
/// so the board answers at once for the exercises whose files have not changed.
///
/// The file lives in the shared build folder (`.build/kit-grades.json`): removing the build
/// folder removes it too. It holds what the board shows of each grade (``GradeSummary``), so it
/// loads quickly; each exercise's whole grade, with its failures, is beside it in
/// `.build/kit-grades/<module>.json`, read only when a report is shown. The kit replaces it only when it is a cache the kit wrote (a JSON
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

  /// Whether a grade was stored or a file's remembered hash changed since the cache was loaded,
  /// so that ``save()`` has something new to write.
  public private(set) var hasChanges = false

  /// What the file holds.
  public struct Contents: Codable, Sendable {
    /// The format version.
    public var kitGradeCache = 3

    /// The manifest's fingerprint and the package description printed for it.
    public var manifest: String?

    /// The package description for ``manifest``.
    public var packageDescription: String?

    /// The last grade of each exercise, by module name, with the fingerprint it was made for.
    public var grades: [String: Entry] = [:]

    /// The content hash of each file fingerprinted, by path relative to the root, with the
    /// stamp it was read under.
    public var files: [String: FileHash] = [:]
  }

  /// A file's content hash and the stamp the file had when it was read.
  ///
  /// It is stored as one string, `"<size> <modified> <changed> <inode> <hash>"`, which decodes
  /// several times faster than an object (the board reads one per file of the package).
  public struct FileHash: Codable, Hashable, Sendable {
    /// What `stat` said of the file.
    public var stamp: FileStamp

    /// The FNV-1a hash of its contents, in hexadecimal.
    public var hash: String

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - stamp: What `stat` said of the file.
    ///   - hash: The hash of its contents, in hexadecimal.
    public init(stamp: FileStamp, hash: String) {
      self.stamp = stamp
      self.hash = hash
    }

    /// Reads the one-string form.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError.dataCorrupted` when the string does not have the five fields.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      let fields = try container.decode(String.self).split(separator: " ")
      guard fields.count == 5, let size = Int64(fields[0]), let modified = Int64(fields[1]),
        let changed = Int64(fields[2]), let inode = UInt64(fields[3])
      else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "not a file hash record")
      }
      stamp = FileStamp(size: size, modified: modified, changed: changed, inode: inode)
      hash = String(fields[4])
    }

    /// Writes the one-string form.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(
        "\(stamp.size) \(stamp.modified) \(stamp.changed) \(stamp.inode) \(hash)")
    }
  }

  /// One exercise's last grade, as the board shows it; the whole grade is in a file of its own
  /// (see ``detailPath(of:)``).
  public struct Entry: Codable, Sendable {
    /// The fingerprint of the files the grade was made from.
    public var fingerprint: String

    /// The grade's summary.
    public var summary: GradeSummary
  }

  /// One exercise's whole last grade, with its failures, in a file of its own.
  struct Detail: Codable, Sendable {
    /// The fingerprint of the files the grade was made from.
    var fingerprint: String

    /// The grade.
    var grade: Grade
  }

  /// Whole grades stored since the cache was loaded, written by ``save()``.
  private var pendingDetails: [String: Detail] = [:]

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
    guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
      return GradeCache(path: path, contents: Contents(), isWritable: false)
    }
    if let contents = try? JSONDecoder().decode(Contents.self, from: data),
      contents.kitGradeCache == Contents().kitGradeCache
    {
      return GradeCache(path: path, contents: contents, isWritable: true)
    }
    // Not this version's cache: replace it only when it is a cache the kit wrote.
    let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    return GradeCache(
      path: path, contents: Contents(), isWritable: object?["kitGradeCache"] is NSNumber)
  }

  /// The grade of an exercise, when it was made from files with this fingerprint.
  ///
  /// - Parameters:
  ///   - exercise: The exercise.
  ///   - fingerprint: The fingerprint of its files now.
  ///   - detailed: Whether the whole grade is needed (a report), not only what the board shows
  ///     (see ``GradeSummary/grade``).
  /// - Returns: The cached grade, or `nil`.
  public func grade(of exercise: Exercise, fingerprint: String, detailed: Bool = false) -> Grade? {
    guard let entry = contents.grades[exercise.name], entry.fingerprint == fingerprint else {
      return nil
    }
    guard detailed else { return entry.summary.grade }
    if let pending = pendingDetails[exercise.name] {
      return pending.fingerprint == fingerprint ? pending.grade : nil
    }
    guard let data = FileManager.default.contents(atPath: detailPath(of: exercise.name)),
      let detail = try? JSONDecoder().decode(Detail.self, from: data),
      detail.fingerprint == fingerprint
    else { return nil }
    return detail.grade
  }

  /// The file that holds an exercise's whole grade: `kit-grades/<module>.json` beside the cache.
  ///
  /// - Parameter name: The exercise's module name.
  /// - Returns: The path.
  public func detailPath(of name: String) -> String {
    (path as NSString).deletingLastPathComponent + "/kit-grades/\(name).json"
  }

  /// Remembers a grade, unless its status depends on more than the files (a time-out, a build
  /// that failed outside the exercises, a run that could not start).
  ///
  /// - Parameters:
  ///   - grade: The grade.
  ///   - fingerprint: The fingerprint of the files it was made from.
  public mutating func store(_ grade: Grade, fingerprint: String) {
    hasChanges = true
    let name = grade.exercise.name
    switch grade.status {
    case .passed, .inProgress, .notStarted, .doesNotCompile, .crashed:
      contents.grades[name] = Entry(fingerprint: fingerprint, summary: GradeSummary(grade))
      pendingDetails[name] = Detail(fingerprint: fingerprint, grade: grade)
    default:
      contents.grades[name] = nil
      pendingDetails[name] = nil
    }
  }

  /// Writes the cache atomically, when the file is the kit's; failures are ignored (the cache
  /// only saves time).
  public func save() {
    guard isWritable else { return }
    let url = URL(fileURLWithPath: path)
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    for (name, detail) in pendingDetails {
      let detailURL = URL(fileURLWithPath: detailPath(of: name))
      try? FileManager.default.createDirectory(
        at: detailURL.deletingLastPathComponent(), withIntermediateDirectories: true)
      if let data = try? JSONEncoder().encode(detail) {
        try? data.write(to: detailURL, options: .atomic)
      }
    }
    guard let data = try? JSONEncoder().encode(contents) else { return }
    try? data.write(to: url, options: .atomic)
  }

  /// Fingerprints of groups of files and folders: FNV-1a over the salt, then each path in the
  /// group in order, with every file under it (sorted) and that file's contents.
  ///
  /// A file's contents are hashed once and the hash kept with its ``FileStamp``; while the stamp
  /// is unchanged the file is not read again, so fingerprinting an unchanged package costs one
  /// `stat` per file. A path shared by several groups is looked at once.
  ///
  /// - Parameters:
  ///   - groups: Lists of paths relative to the root: files or folders; a missing path counts as
  ///     empty (but differs from an empty file).
  ///   - root: The package root.
  ///   - salt: More text that changes every fingerprint (the mode, the time limit).
  ///   - now: The current time, which decides whether a stamp is old enough to keep.
  /// - Returns: One fingerprint (sixteen hexadecimal digits or fewer) per group.
  /// - Complexity: O(*f*) `stat` calls for *f* files, plus reading the files that changed.
  public mutating func fingerprints(
    of groups: [[String]],
    root: String,
    salt: String = "",
    now: Date = Date()
  ) -> [String] {
    let nanoseconds = Int64(now.timeIntervalSince1970 * 1e9)
    var known: [String: UInt64] = [:]
    return groups.map { paths in
      var hash = FNV1a()
      hash.mix(salt)
      for path in paths {
        let value = known[path] ?? pathHash(path, root: root, now: nanoseconds)
        known[path] = value
        hash.mix(path)
        hash.mix(value)
      }
      return hash.hex
    }
  }

  /// The fingerprint of one group of files and folders; see ``fingerprints(of:root:salt:now:)``.
  ///
  /// - Parameters:
  ///   - paths: Files or folders relative to the root.
  ///   - root: The package root.
  ///   - salt: More text that changes the fingerprint.
  ///   - now: The current time.
  /// - Returns: Sixteen hexadecimal digits or fewer.
  public mutating func fingerprint(
    of paths: [String],
    root: String,
    salt: String = "",
    now: Date = Date()
  ) -> String {
    fingerprints(of: [paths], root: root, salt: salt, now: now)[0]
  }

  /// The hash of a file, or of every file under a folder with its path.
  private mutating func pathHash(_ path: String, root: String, now: Int64) -> UInt64 {
    let absolute = root + "/" + path
    switch FileStamp.kind(of: absolute) {
    case .missing:
      if contents.files.removeValue(forKey: path) != nil { hasChanges = true }
      return 0
    case .file(let stamp):
      return fileHash(path, absolute: absolute, stamp: stamp, now: now)
    case .folder:
      var hash = FNV1a()
      for file in Catalogue.files(in: path, root: root) {
        let absolute = root + "/" + file
        guard case .file(let stamp) = FileStamp.kind(of: absolute) else { continue }
        hash.mix(String(file.dropFirst(path.count)))
        hash.mix(fileHash(file, absolute: absolute, stamp: stamp, now: now))
      }
      return hash.value
    }
  }

  /// A file's content hash: the remembered one while its stamp is unchanged, else read anew
  /// (and remembered once the file has settled).
  private mutating func fileHash(
    _ path: String,
    absolute: String,
    stamp: FileStamp,
    now: Int64
  ) -> UInt64 {
    if let entry = contents.files[path], entry.stamp == stamp,
      let hash = UInt64(entry.hash, radix: 16)
    {
      return hash
    }
    var hash = FNV1a()
    hash.mix(0x6669_6c65)  // a file, so that an empty file differs from a missing one
    (FileManager.default.contents(atPath: absolute) ?? Data()).withUnsafeBytes { hash.mix($0) }
    let entry = stamp.isSettled(now: now) ? FileHash(stamp: stamp, hash: hash.hex) : nil
    if entry != nil || contents.files[path] != nil {
      contents.files[path] = entry
      hasChanges = true
    }
    return hash.value
  }
}

extension Catalogue {
  /// The folders and files an exercise's grade is built from: the folder of every target its
  /// test target depends on, directly or not (the exercise, the shared library, the test
  /// support), the test target's own folder, and the manifest.
  ///
  /// Without the manifest's targets (a catalogue made from its parts), the exercise's folder,
  /// its tests, every folder of `Sources/` and the manifest stand in for them.
  ///
  /// - Parameters:
  ///   - exercise: An exercise of this catalogue.
  ///   - usesSolutions: Whether the reference is graded (its folder under `Solutions/` then
  ///     stands for the exercise's own).
  /// - Returns: Paths relative to the root, sorted, the manifest last.
  public func gradeInputs(of exercise: Exercise, usesSolutions: Bool = false) -> [String] {
    let own = usesSolutions ? exercise.solutionPath : exercise.exercisePath
    guard !targets.isEmpty else {
      return [own, exercise.testsPath, "Sources"].sorted() + ["Package.swift"]
    }
    let byName = Dictionary(targets.map { ($0.name, $0) }) { first, _ in first }
    var folders: Set<String> = []
    var seen: Set<String> = []
    var pending = [exercise.testTarget]
    while let name = pending.popLast() {
      guard seen.insert(name).inserted else { continue }
      if name == exercise.name {
        folders.insert(own)
      } else if let target = byName[name] {
        folders.insert(target.folder)
      }
      pending += byName[name]?.dependencies ?? []
    }
    folders.insert(exercise.testsPath)
    return folders.sorted() + ["Package.swift"]
  }
}
