import PruningTestSupport
import Testing

@Suite("Bounded descriptions of values in grading failures")
struct LargeValuesTests {
  @Test("An optional reads as what it holds, or nil")
  func optionals() {
    #expect(boundedDescription(Int?.some(40)) == "40")
    #expect(boundedDescription(Int?.none) == "nil")
    #expect(boundedDescription(Int??.some(.some(3))) == "3")
    #expect(boundedDescription([1, 2]) == "[1, 2]")
  }

  @Test("A long value is cut to 240 characters and says how long it was")
  func cropped() {
    let long = String(repeating: "a", count: 1000)
    #expect(
      boundedDescription(long) == String(repeating: "a", count: 240) + "… (1000 characters in all)")
    #expect(boundedDescription(String(repeating: "b", count: 240)).count == 240)
    #expect(boundedDescription(Optional(long)).hasSuffix("… (1000 characters in all)"))
  }

  @Test("A difference summary lists the first differing positions, at most six")
  func differences() {
    #expect(differenceSummary(actual: [1, 2, 3], expected: [1, 2, 3]) == "")
    let summary = differenceSummary(actual: Array(0..<20), expected: Array(repeating: 0, count: 20))
    let lines = summary.split(separator: "\n")
    #expect(lines.first == "19 of 20 positions differ; the first:")
    #expect(lines.dropFirst().first == "  at [1]: expected 0, got 1")
    #expect(lines.last == "  … and 13 more")
    #expect(lines.count == 8)
    let short = differenceSummary(actual: [1, 5], expected: [1, 2, 3])
    #expect(short.hasPrefix("expected 3 values, got 2\n1 of 2 positions differ"))
    #expect(short.hasSuffix("expected [1, 2, 3]\nactual   [1, 5]"))
  }
}
