import Foundation
import KitEngine
import Testing

@Suite("The scratch copy of an exercise for the interview")
struct ScratchCopyTests {
  /// The kit's own root: three folders above this file.
  static let kitRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  @Test("holds the pristine stubs, the tests and the library, and never the learner's files")
  func createsPackage() throws {
    let folder = try makeTemporaryFolder("scratch")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let exercise = Exercise(number: "01", name: "WeightPruning")
    let catalogue = Catalogue(
      root: Self.kitRoot, packageName: "PruningKit", exercises: [exercise], ownTestTargets: [])
    let scratch = ScratchCopy(catalogue: catalogue, exercise: exercise, folder: folder)
    try scratch.create()
    let root = folder + "/01-WeightPruning"
    #expect(scratch.root == root)
    let stub = "Exercises/01-WeightPruning/ThresholdPruning.swift"
    let carried = try #require(try PristineCopy.load(from: catalogue))
    let pristine = try #require(carried.files["01-WeightPruning/ThresholdPruning.swift"])
    #expect(try String(contentsOfFile: "\(root)/\(stub)", encoding: .utf8) == pristine)
    for path in [
      "Sources/PruningCore/PruningError.swift", "Tests/PruningTestSupport/ExpectClose.swift",
      "Tests/WeightPruningTests", "Package.swift",
    ] {
      #expect(FileManager.default.fileExists(atPath: "\(root)/\(path)"), "\(path)")
    }
    #expect(scratch.manifest.contains(#"path: "Exercises/01-WeightPruning""#))
    #expect(scratch.scratchCatalogue.root == root)
    #expect(scratch.scratchCatalogue.exercises == [exercise])

    // A second interview starts from the stubs again, whatever the first left.
    try "// an earlier attempt\n".write(
      toFile: "\(root)/\(stub)", atomically: true, encoding: .utf8)
    try scratch.create()
    #expect(try String(contentsOfFile: "\(root)/\(stub)", encoding: .utf8) == pristine)
  }
}
