import Foundation
import KitEngine
import Testing

@Suite("The inventory check of kit verify")
struct InventoryCheckTests {
  /// A copy of the MiniKit fixture with a pristine copy and a README table, which the test
  /// then breaks; removed by the caller.
  func makeKit() throws -> (catalogue: Catalogue, root: String) {
    let root = try makeTemporaryFolder("inventory") + "/MiniKit"
    try FileManager.default.copyItem(atPath: Fixtures.folder + "/MiniKit", toPath: root)
    let catalogue = Fixtures.miniCatalogue(root: root)
    try writePristineCopy(PristineCopy.capture(from: catalogue).files, in: root)
    let rows = [
      ("01", "Passing", 2), ("02", "Failing", 2), ("03", "Crashing", 2), ("04", "Hanging", 2),
      ("05", "Broken", 1), ("06", "Untouched", 2),
    ].map { "| \($0.0) | [\($0.1)](Exercises/\($0.0)-\($0.1)/README.md) | a topic | \($0.2) |" }
    try write(
      "# MiniKit\n\n| # | Exercise | Topic | Graded checks |\n|---|---|---|---|\n"
        + rows.joined(separator: "\n") + "\n\nAfter the table.\n",
      to: root + "/README.md")
    return (catalogue, root)
  }

  @Test("The fixture with its README and pristine copy agrees: no problem")
  func clean() throws {
    let (catalogue, root) = try makeKit()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let problems = InventoryCheck(catalogue: catalogue).problems()
    #expect(problems == [])
  }

  @Test("Each kind of disagreement is one sentence naming the file")
  func eachProblem() throws {
    let (catalogue, root) = try makeKit()
    defer { try? FileManager.default.removeItem(atPath: root) }
    // A stub without a twin, and a reference without one.
    try write("let extra = 1\n", to: root + "/Exercises/01-Passing/Extra.swift")
    try write("let spare = 1\n", to: root + "/Solutions/02-Failing/Spare.swift")
    // A stub whose body gives the answer away instead of throwing.
    let second = root + "/Exercises/03-Crashing/Second.swift"
    let stub = try String(contentsOfFile: second, encoding: .utf8)
    try stub.replacingOccurrences(
      of: "  // TODO: Return the second value when there is one.\n"
        + "  throw .notImplemented(\"second(_:)\")",
      with: "  values.dropFirst().first"
    ).write(toFile: second, atomically: true, encoding: .utf8)
    // The pristine copy no longer matches, and the README miscounts 04.
    var carried = try #require(try PristineCopy.load(from: catalogue))
    carried.files["06-Untouched/Negated.swift"] = "// changed\n"
    try writePristineCopy(carried.files, in: root)
    let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
    try readme.replacingOccurrences(of: "a topic | 2 |\n| 05", with: "a topic | 3 |\n| 05")
      .write(toFile: root + "/README.md", atomically: true, encoding: .utf8)

    let problems = InventoryCheck(catalogue: catalogue).problems()
    let expected = [
      "Exercises/01-Passing/Extra.swift has no twin in Solutions/01-Passing",
      "Solutions/02-Failing/Spare.swift has no twin in Exercises/02-Failing",
      "Exercises/03-Crashing/Second.swift:8: second neither throws .notImplemented nor matches "
        + "the reference",
      "\(PristineCopy.path) differs from Exercises/01-Passing/Extra.swift "
        + "(Scripts/update-pristine writes Exercises/ into \(PristineCopy.path))",
      "\(PristineCopy.path) differs from Exercises/03-Crashing/Second.swift "
        + "(Scripts/update-pristine writes Exercises/ into \(PristineCopy.path))",
      "\(PristineCopy.path) differs from Exercises/06-Untouched/Negated.swift "
        + "(Scripts/update-pristine writes Exercises/ into \(PristineCopy.path))",
      "README.md:8: 04 Hanging lists 3 graded checks; Tests/HangingTests declares 2",
    ]
    #expect(problems == expected)
  }

  @Test("A given helper in a learner file, equal to the reference's, is not learner work")
  func givenHelper() throws {
    let (catalogue, root) = try makeKit()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let helper = "\nfunc clamp(_ x: Int) -> Int {\n  max(0, x) // \"}\" in a comment\n}\n"
    for folder in ["Exercises", "Solutions"] {
      let path = root + "/\(folder)/01-Passing/Total.swift"
      let text = try String(contentsOfFile: path, encoding: .utf8)
      try (text + helper).write(toFile: path, atomically: true, encoding: .utf8)
    }
    try writePristineCopy(PristineCopy.capture(from: catalogue).files, in: root)
    #expect(InventoryCheck(catalogue: catalogue).problems() == [])
  }
}
