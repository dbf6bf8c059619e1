import PruningCore
import PruningTestSupport
import Testing
import WeightPruning

@Suite("Han et al.'s threshold: quality × standard deviation (stdThresholdMask)")
struct StandardDeviationPruningTests {
  @Test("The worked example: σ ≈ 1.4283, threshold ≈ 0.714, only 0.5 is pruned")
  func workedExample() throws {
    let result = try stdThresholdMask(Tensor([1, -1, 2, -2, 0.5]), quality: 0.5)
    expectMask(result, equals: mask("████·"))
  }

  @Test("The population standard deviation (ddof 0), not the sample one, sets the threshold")
  func populationNotSample() throws {
    // Population σ ≈ 1.4457 → threshold ≈ 0.7228 keeps 0.75; sample σ ≈ 1.6163 → 0.808 would prune it.
    let result = try stdThresholdMask(Tensor([1, -1, 2, -2, 0.75]), quality: 0.5)
    expectMask(result, equals: mask("█████"))
  }

  @Test("The comparison is strict: a weight exactly at the threshold is pruned")
  func strict() throws {
    // Mean 0, σ = 1: quality 1 puts the threshold exactly at |w| = 1.
    let result = try stdThresholdMask(Tensor([1, -1, 1, -1]), quality: 1)
    expectMask(result, equals: mask("····"))
  }

  @Test("The deviation is measured around the mean, not around zero")
  func aroundTheMean() throws {
    // Mean 10, σ = 1: quality 2 → threshold 2, every |w| ≈ 10 survives.
    let result = try stdThresholdMask(Tensor([9, 11, 9, 11]), quality: 2)
    expectMask(result, equals: mask("████"))
  }

  @Test("A layer far from zero: σ comes from the distances to the mean, not E[w²] − mean²")
  func farFromZero() throws {
    // 2³⁰ + [768, 768, 768, 640, 768]: mean 2³⁰ + 742.4, σ = 51.2 exactly, so
    // quality 20,971,534 puts the threshold at 2³⁰ + 716.8, between the two values. Summing
    // w² − mean², or (w + mean)(w − mean), loses σ's digits to the huge mean (σ ≈ 48–49)
    // and keeps all five.
    let base: Float = 1_073_741_824
    let weights = Tensor([base + 768, base + 768, base + 768, base + 640, base + 768])
    let result = try stdThresholdMask(weights, quality: 20_971_534)
    expectMask(result, equals: mask("███·█"), "2³⁰ + [768, 768, 768, 640, 768], quality 20,971,534")
  }

  @Test("Random layers agree with a two-pass Double computation", arguments: RandomData.seeds)
  func randomMatchesOracle(seed: UInt64) throws {
    let w = RandomData.tensor(
      shape: RandomData.shape(rank: 2, dimensions: 2...9, seed: seed), seed: seed &+ 3)
    let quality = Float(RandomData.fraction(seed: seed &+ 5) * 1.5)
    let result = try stdThresholdMask(w, quality: quality)
    expectMask(
      result, equals: try Mask(shape: w.shape, isKept: Oracle.stdKeep(w.scalars, quality: quality)))
  }

  @Test("Edge cases: quality 0 keeps every non-zero, all-equal weights keep all, empty stays empty")
  func edgeCases() throws {
    expectMask(try stdThresholdMask(Tensor([0, 0.5, -2, 0]), quality: 0), equals: mask("·██·"))
    expectMask(try stdThresholdMask(Tensor([0.3, 0.3, 0.3]), quality: 3), equals: mask("███"))
    try expectEqual(
      stdThresholdMask(Tensor([]), quality: 1).count, 0,
      "stdThresholdMask(Tensor([]), quality: 1).count")
  }

  @Test("A negative or non-finite quality, or a NaN weight, throws the exact error")
  func badInput() {
    #expect(throws: PruningError.invalidThreshold(-1)) {
      try stdThresholdMask(Tensor([1, 2]), quality: -1)
    }
    #expect(throws: PruningError.invalidThreshold(.infinity)) {
      try stdThresholdMask(Tensor([1, 2]), quality: .infinity)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [0, 1], kind: .nan)) {
      try stdThresholdMask((try? Tensor(rows: [[1, .nan]])) ?? Tensor([]), quality: 1)
    }
  }
}
