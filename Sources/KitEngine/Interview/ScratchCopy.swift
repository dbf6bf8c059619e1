import Foundation

/// A scratch package in which the learner re-solves an exercise they have already passed, so
/// the interview never touches their own files.
///
/// The package lives under the kit's state folder (`…/pruning-kit/scratch/NN-Name`) and has
/// the same layout as the kit, cut down to what one exercise needs: the shared library
/// (`Sources/PruningCore`), the test helpers (`Tests/PruningTestSupport`), the exercise's own
/// tests (`Tests/NameTests`) and a fresh copy of its pristine stubs (`Exercises/NN-Name`), with
/// a `Package.swift` naming just those targets. It is graded by the kit's own ``Grader`` pointed
/// at that package: the same suites, the same isolated runner and time limits, without a path
/// override in the kit's manifest (which other tools read) and without copying the whole kit.
public struct ScratchCopy: Sendable {
  /// The kit's catalogue.
  public var catalogue: Catalogue

  /// The exercise re-solved.
  public var exercise: Exercise

  /// The scratch package's root.
  public var root: String

  /// Creates the description of a scratch copy (nothing is written yet).
  ///
  /// - Parameters:
  ///   - catalogue: The kit's catalogue.
  ///   - exercise: The exercise.
  ///   - folder: The folder of scratch packages (`…/pruning-kit/scratch`).
  public init(catalogue: Catalogue, exercise: Exercise, folder: String) {
    self.catalogue = catalogue
    self.exercise = exercise
    self.root = folder + "/" + exercise.folderName
  }

  /// The scratch packages' folder for a process environment: `scratch` beside the kit's state
  /// file.
  ///
  /// - Parameter environment: The process environment.
  /// - Returns: The folder's path.
  /// - Throws: `KitError.fileSystem` when there is no state folder.
  public static func standardFolder(environment: [String: String]) throws(KitError) -> String {
    try KitStateStore.stateItem("scratch", environment: environment)
  }

  /// The scratch package's catalogue: the one exercise, at the scratch root.
  public var scratchCatalogue: Catalogue {
    Catalogue(
      root: root, packageName: "PruningKitScratch", exercises: [exercise], ownTestTargets: [])
  }

  /// The manifest of the scratch package.
  public var manifest: String {
    """
    // swift-tools-version: 6.2
    // A scratch copy of one exercise for `kit interview`; rewritten by each interview.
    import PackageDescription

    let package = Package(
      name: "PruningKitScratch",
      platforms: [.macOS(.v15)],
      targets: [
        .target(name: "PruningCore", resources: [.copy("Resources")]),
        .target(
          name: "PruningTestSupport", dependencies: ["PruningCore"],
          path: "Tests/PruningTestSupport"),
        .target(
          name: "\(exercise.name)", dependencies: ["PruningCore"],
          path: "\(exercise.exercisePath)", exclude: ["README.md", "HINTS.md"]),
        .testTarget(
          name: "\(exercise.testTarget)",
          dependencies: ["\(exercise.name)", "PruningCore", "PruningTestSupport"]),
      ],
      swiftLanguageModes: [.v6]
    )

    """
  }

  /// Writes the scratch package: the shared library, the test helpers and the tests as the kit
  /// has them now, and the exercise's pristine stubs in place of whatever an earlier interview
  /// left there. The build folder is kept, so the second time builds only what changed.
  ///
  /// - Throws: `KitError.exerciseUnavailable` when the kit carries no pristine copy of the
  ///   exercise (``PristineCopy``); `KitError.fileSystem` when that copy cannot be read or a
  ///   file cannot be copied.
  public func create() throws(KitError) {
    let manager = FileManager.default
    let stubs = try PristineCopy.load(from: catalogue)?.files(of: exercise) ?? [:]
    guard !stubs.isEmpty else {
      throw .exerciseUnavailable("\(PristineCopy.path): \(exercise.folderName)")
    }
    let copies = [
      ("Sources/PruningCore", "Sources/PruningCore"),
      ("Tests/PruningTestSupport", "Tests/PruningTestSupport"),
      (exercise.testsPath, exercise.testsPath),
    ]
    do {
      try manager.createDirectory(atPath: root, withIntermediateDirectories: true)
      for target in copies.map(\.1) + [exercise.exercisePath]
      where manager.fileExists(atPath: root + "/" + target) {
        try manager.removeItem(atPath: root + "/" + target)
      }
      for (source, target) in copies {
        let destination = root + "/" + target
        try manager.createDirectory(
          atPath: (destination as NSString).deletingLastPathComponent,
          withIntermediateDirectories: true)
        try manager.copyItem(atPath: catalogue.absolute(source), toPath: destination)
      }
      for (path, text) in stubs {
        let destination = root + "/" + path
        try manager.createDirectory(
          atPath: (destination as NSString).deletingLastPathComponent,
          withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: destination), options: .atomic)
      }
      try Data(manifest.utf8).write(
        to: URL(fileURLWithPath: root + "/Package.swift"), options: .atomic)
    } catch {
      throw .fileSystem(path: root, reason: error.localizedDescription)
    }
  }
}
