import Foundation
import KitEngine
import Testing

@Suite("Expectations that hide their values (#expect(try a == b))")
struct ValueHidingExpectationTests {
  /// The lines of the expectations found in a text.
  func lines(_ text: String) -> [Int] {
    let source = SwiftSource(text)
    return InventoryCheck.valueHidingExpectations(in: source).map { source.line(of: $0) }
  }

  @Test("try with a top-level == is found, on one line or several, with or without a comment")
  func found() {
    let text = """
      #expect(try f(x) == 3)
      #expect(a.weight == (try g()))
      #expect(
        try f() == [1],
        "seed \\(seed)")
      #expect(try f() != 3)
      """
    #expect(lines(text) == [1, 2, 3])
  }

  @Test("No try, no top-level ==, #expect(throws:), comments and strings are not found")
  func notFound() {
    let text = """
      #expect(a == b)
      #expect(try isNM(mask, n: 2, m: 4))
      #expect(try f() != 3)
      #expect(try f() < g())
      #expect(try f(), "a == b")
      #expect(try h(a == b))
      #expect(throws: E.bad) { try f() == 3 }
      // #expect(try a == b)
      let text = "#expect(try a == b)"
      try expectEqual(f(x), 3, "f(x)")
      """
    #expect(lines(text) == [])
  }

  @Test("The kit's grading suites show both values of every equality they check")
  func gradingSuites() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
    // Each exercise `Solutions/NN-Name` is graded by the suite `Tests/NameTests`.
    let solutions = root.deletingLastPathComponent().appendingPathComponent("Solutions").path
    let folders = try FileManager.default.contentsOfDirectory(atPath: solutions)
      .compactMap { $0.split(separator: "-", maxSplits: 1).dropFirst().first }
      .map { "\($0)Tests" }
    #expect(folders.count >= 10, "every exercise's suite: \(folders.sorted())")
    var found: [String] = []
    for folder in folders.sorted() {
      let path = root.appendingPathComponent(folder).path
      for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted()
      where name.hasSuffix(".swift") {
        let text = try String(contentsOfFile: path + "/" + name, encoding: .utf8)
        let source = SwiftSource(text)
        found += InventoryCheck.valueHidingExpectations(in: source).map {
          "\(folder)/\(name):\(source.line(of: $0))"
        }
      }
    }
    #expect(found == [], "write these as try expectEqual(actual, expected, \"what\")")
  }
}
