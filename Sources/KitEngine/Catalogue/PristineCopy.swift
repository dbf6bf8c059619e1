import Foundation

/// The pristine stubs the kit carries, so `kit reset` works after the learner committed their work
/// and in a copy without git: one JSON file that maps each path under `Exercises/` to its text.
///
/// One data file rather than a second folder of Swift files: nothing compiles it, an editor's
/// search does not find every stub twice, and `kit verify` compares it with `Exercises/`
/// (`Scripts/update-pristine` writes it anew after a stub changes).
///
/// ```json
/// {
///   "format": "pruningkit-pristine",
///   "version": 1,
///   "files": { "01-WeightPruning/PruneCount.swift": "import PruningCore\n…" }
/// }
/// ```
public struct PristineCopy: Hashable, Sendable, Codable {
  /// The copy's file, relative to the package root.
  public static let path = ".kit/pristine.json"

  /// The value of `"format"` in every copy.
  public static let formatName = "pruningkit-pristine"

  /// The file version this code reads.
  public static let currentVersion = 1

  /// Always ``formatName``.
  public var format: String

  /// Always ``currentVersion``.
  public var version: Int

  /// Each file's text, by its path relative to `Exercises/` (`"01-WeightPruning/README.md"`).
  public var files: [String: String]

  /// Creates a copy from its files.
  ///
  /// - Parameter files: Each file's text by its path relative to `Exercises/`.
  public init(files: [String: String]) {
    self.format = Self.formatName
    self.version = Self.currentVersion
    self.files = files
  }

  /// Reads the copy a package carries.
  ///
  /// - Parameter catalogue: The package's exercises and root.
  /// - Returns: The copy, or `nil` when the package carries none.
  /// - Throws: `KitError.fileSystem` when the path is a folder, cannot be read, or does not hold
  ///   a pristine copy of this version.
  public static func load(from catalogue: Catalogue) throws(KitError) -> PristineCopy? {
    let absolute = catalogue.absolute(path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
      return nil
    }
    guard !isDirectory.boolValue else {
      throw .fileSystem(path: path, reason: "it is a folder, not the kit's pristine copy")
    }
    guard let data = FileManager.default.contents(atPath: absolute) else {
      throw .fileSystem(path: path, reason: "it cannot be read")
    }
    let copy: PristineCopy
    do {
      copy = try JSONDecoder().decode(PristineCopy.self, from: data)
    } catch {
      throw .fileSystem(path: path, reason: "it is not a pristine copy (\(error))")
    }
    guard copy.format == formatName, copy.version == currentVersion else {
      throw .fileSystem(
        path: path,
        reason: "it is \(copy.format) version \(copy.version), not \(formatName) version "
          + "\(currentVersion)")
    }
    return copy
  }

  /// The files of `Exercises/` as they are now, in the copy's form.
  ///
  /// - Parameter catalogue: The package's exercises and root.
  /// - Returns: Every file under `Exercises/` by its path relative to that folder.
  public static func capture(from catalogue: Catalogue) -> PristineCopy {
    var files: [String: String] = [:]
    for path in catalogue.files(in: "Exercises") {
      let data = FileManager.default.contents(atPath: catalogue.absolute(path)) ?? Data()
      files[String(path.dropFirst("Exercises/".count))] = String(decoding: data, as: UTF8.self)
    }
    return PristineCopy(files: files)
  }

  /// The files of one exercise, by their paths relative to the package root.
  ///
  /// - Parameter exercise: The exercise.
  /// - Returns: Each of its pristine files' text by `Exercises/NN-Name/…` path; empty when the
  ///   copy does not hold the exercise.
  public func files(of exercise: Exercise) -> [String: String] {
    let prefix = exercise.folderName + "/"
    var result: [String: String] = [:]
    for (path, text) in files where path.hasPrefix(prefix) {
      result["Exercises/" + path] = text
    }
    return result
  }

  /// The paths, relative to `Exercises/`, where two copies differ: missing from one, or other
  /// text.
  ///
  /// - Parameter other: The copy to compare with.
  /// - Returns: The differing paths, sorted.
  /// - Complexity: O(*n* log *n*) for *n* paths.
  public func differences(from other: PristineCopy) -> [String] {
    Set(files.keys).union(other.files.keys).sorted().filter { files[$0] != other.files[$0] }
  }
}
