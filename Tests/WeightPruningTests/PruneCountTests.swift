import PruningCore
import PruningTestSupport
import Testing
import WeightPruning

@Suite("Prune counts (pruneCount)")
struct PruneCountTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let fraction: Double
    let n: Int
    let expected: Int
    var testDescription: String { "\(fraction) of \(n) → \(expected)" }
  }

  @Test(
    "Fractions round half to even, as PyTorch's round(amount · n)",
    arguments: [
      Case(fraction: 0.5, n: 5, expected: 2),
      Case(fraction: 0.5, n: 7, expected: 4),
      Case(fraction: 0.15, n: 10, expected: 2),
      Case(fraction: 0.3, n: 45, expected: 14),
      Case(fraction: 0.5, n: 1, expected: 0),
      Case(fraction: 0.25, n: 10, expected: 2),
      Case(fraction: 0.5, n: 3, expected: 2),
      Case(fraction: 0.1, n: 3, expected: 0),
      Case(fraction: 1, n: 9, expected: 9),
      Case(fraction: 0, n: 9, expected: 0),
    ])
  func fractions(_ example: Case) throws {
    try expectEqual(
      pruneCount(.fraction(example.fraction), of: example.n), example.expected,
      "pruneCount(.fraction(example.fraction), of: example.n)")
  }

  @Test(
    "Random fractions agree with banker's rounding of the Double product",
    arguments: RandomData.seeds)
  func randomFractions(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    for _ in 0..<50 {
      let n = generator.nextInt(below: 400)
      let fraction = Double(generator.nextInt(below: 9)) / 8  // many exact halves
      try expectEqual(
        pruneCount(.fraction(fraction), of: n), Oracle.pruneCount(fraction: fraction, of: n),
        "pruneCount(.fraction(\(fraction)), of: \(n))")
    }
  }

  @Test("A count is used as it is, up to the number of units")
  func counts() throws {
    try expectEqual(pruneCount(.count(3), of: 10), 3, "pruneCount(.count(3), of: 10)")
    try expectEqual(pruneCount(.count(0), of: 0), 0, "pruneCount(.count(0), of: 0)")
    try expectEqual(pruneCount(.count(10), of: 10), 10, "pruneCount(.count(10), of: 10)")
  }

  @Test(
    "A fraction outside 0...1 or not finite is rejected",
    arguments: [-0.01, 1.0001, 2, .infinity, -.infinity])
  func badFraction(fraction: Double) {
    #expect(throws: PruningError.invalidAmount(.fraction(fraction))) {
      try pruneCount(.fraction(fraction), of: 10)
    }
  }

  @Test("A NaN fraction is rejected as an invalid amount")
  func nanFraction() {
    let error = #expect(throws: PruningError.self) { try pruneCount(.fraction(.nan), of: 10) }
    guard case .invalidAmount(.fraction(let value)) = error, value.isNaN else {
      Issue.record("expected .invalidAmount(.fraction(nan)), got \(String(describing: error))")
      return
    }
  }

  @Test("A negative count, a count above n, and a negative n are rejected")
  func badCounts() {
    #expect(throws: PruningError.invalidAmount(.count(-1))) { try pruneCount(.count(-1), of: 10) }
    #expect(throws: PruningError.amountExceedsCount(requested: 11, available: 10)) {
      try pruneCount(.count(11), of: 10)
    }
    let error = #expect(throws: PruningError.self) { try pruneCount(.fraction(0.5), of: -4) }
    guard case .invalidArgument = error else {
      Issue.record("expected .invalidArgument for n = -4, got \(String(describing: error))")
      return
    }
  }
}
