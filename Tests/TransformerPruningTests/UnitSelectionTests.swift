import PruningCore
import PruningTestSupport
import Testing
import TransformerPruning

@Suite("Choosing the units to remove: lowest (score, index) first, never all of them")
struct UnitSelectionTests {
  @Test("The worked examples")
  func workedExamples() throws {
    let half = try unitsToRemove(scores: [0.5, 0.1, 0.5, 0.9], fraction: 0.5)
    #expect(half == [1, 0], "0.1 goes first, then the tie 0.5 at the lower index")
    let all = try unitsToRemove(scores: [1, 2], fraction: 1)
    #expect(all == [0], "one unit always survives")
  }

  @Test(
    "Counts round half to even: 4 × 0.375 = 1.5 → 2, 4 × 0.125 = 0.5 → 0, 6 × 0.25 = 1.5 → 2, 10 × 0.25 = 2.5 → 2"
  )
  func halfToEven() throws {
    let cases: [(Int, Double, Int)] = [(4, 0.375, 2), (4, 0.125, 0), (6, 0.25, 2), (10, 0.25, 2)]
    for (n, fraction, expected) in cases {
      let scores = (0..<n).map { Double(n - $0) }
      let count = try unitsToRemove(scores: scores, fraction: fraction).count
      #expect(count == expected, "\(n) units × \(fraction)")
    }
  }

  @Test("Random scores with ties match a sort by (score, index)", arguments: RandomData.seeds)
  func matchesSort(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let n = Int.random(in: 1...20, using: &generator)
    let scores = (0..<n).map { _ in Double(Int.random(in: 0...4, using: &generator)) / 4 }
    let fraction = Double(Int.random(in: 0...8, using: &generator)) / 8
    let k = min(ReferenceRanking.roundHalfEven(Double(n) * fraction), n - 1)
    let expected = Array(
      scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] < scores[$1] : $0 < $1 }
        .prefix(k))
    let actual = try unitsToRemove(scores: scores, fraction: fraction)
    #expect(actual == expected, "scores \(scores), fraction \(fraction)")
  }

  @Test("Fraction 0 removes nothing; one unit is never removed")
  func edges() throws {
    let none = try unitsToRemove(scores: [3, 1, 2], fraction: 0)
    #expect(none.isEmpty)
    let single = try unitsToRemove(scores: [7], fraction: 1)
    #expect(single.isEmpty)
  }

  @Test("Bad input throws the exact error")
  func badInput() throws {
    #expect(throws: PruningError.emptyInput("scores")) {
      try unitsToRemove(scores: [], fraction: 0.5)
    }
    #expect(throws: PruningError.invalidSparsity(1.5)) {
      try unitsToRemove(scores: [1, 2], fraction: 1.5)
    }
    #expect(throws: PruningError.invalidSparsity(-0.1)) {
      try unitsToRemove(scores: [1, 2], fraction: -0.1)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [1], kind: .nan)) {
      try unitsToRemove(scores: [1, .nan, 2], fraction: 0.5)
    }
  }
}
