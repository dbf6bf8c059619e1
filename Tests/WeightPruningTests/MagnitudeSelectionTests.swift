import PruningCore
import PruningTestSupport
import Testing
import WeightPruning

/// Inputs that a fast selection (a radix select on the bits, a sampled bracket, a partition)
/// can get wrong while the small examples still pass.
@Suite("Magnitude pruning: selection edge cases (magnitudeMask)")
struct MagnitudeSelectionTests {
  @Test("-0 and +0 are the same magnitude: the tie between them prunes the lower index")
  func negativeZeroTiesWithZero() throws {
    let result = try magnitudeMask(Tensor([-0.0, 0.0, -0.0, 0.5, 0.0]), amount: .count(2))
    expectMask(result, equals: mask("··███"), "weights [-0, 0, -0, 0.5, 0], prune 2")
  }

  @Test("Subnormal magnitudes rank by value, below the smallest normal float")
  func subnormals() throws {
    let values: [Float] = [
      .leastNonzeroMagnitude, 0, -.leastNormalMagnitude, Float.leastNormalMagnitude.nextDown,
      -.leastNonzeroMagnitude, 1e-38,
    ]
    // By (|w|, index): 0 (index 1), then the two smallest subnormals (indices 0 and 4).
    let result = try magnitudeMask(Tensor(values), amount: .count(3))
    expectMask(result, equals: mask("··██·█"), "weights \(values), prune 3")
  }

  @Test(
    "Many ties of values one bit apart, across an exponent boundary: exactly k, by index",
    arguments: [0.1, 0.35, 0.5, 0.62, 0.77, 0.9, 1.0])
  func tiesOneBitApart(fraction: Double) throws {
    // 0.75 and its neighbours share every bit but the last; 0.5 and 0.5.nextDown differ in
    // the exponent. Tens of thousands of ties at each, with random signs.
    let palette: [Float] = [
      0.75, Float(0.75).nextUp, Float(0.75).nextDown, 0.5, Float(0.5).nextDown, 0, 1.5,
    ]
    let values = RandomData.signedDraws(from: palette, count: 40_000, seed: 42)
    let k = Oracle.pruneCount(fraction: fraction, of: values.count)
    let result = try magnitudeMask(Tensor(values), amount: .fraction(fraction))
    expectMask(
      result, equals: Oracle.magnitudeKeep(values, prune: k),
      "40,000 weights from \(palette) with random signs, fraction \(fraction) (k = \(k))")
  }

  @Test(
    "Magnitudes over the whole exponent range, subnormals included, match a sort",
    arguments: RandomData.seeds)
  func wideExponentRange(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let values = RandomData.wideExponents(count: 20_000, using: &generator)
    let k = generator.nextInt(below: values.count + 1)
    let result = try magnitudeMask(Tensor(values), amount: .count(k))
    expectMask(
      result, equals: Oracle.magnitudeKeep(values, prune: k),
      "20,000 weights, magnitudes 2^-148 ... 2^101 (seed \(seed)), prune \(k)")
  }

  @Test("One distinct magnitude in a large tensor: prune exactly k from the front")
  func allTiedLarge() throws {
    let values = (0..<30_001).map { $0.isMultiple(of: 3) ? Float(-0.25) : 0.25 }
    for k in [0, 1, 15_000, 30_000, 30_001] {
      let result = try magnitudeMask(Tensor(values), amount: .count(k))
      let expected = values.indices.map { $0 >= k }
      expectMask(result, equals: expected, "30,001 weights of magnitude 0.25, prune \(k)")
    }
  }

  @Test("A non-finite weight in a large tensor is still reported at its first position")
  func nonFiniteInLargeTensor() throws {
    var values = (0..<50_000).map { Float($0 % 97) / 97 }
    values[31_337] = -.infinity
    values[40_000] = .nan
    #expect(throws: PruningError.nonFiniteWeight(position: [31_337], kind: .negativeInfinity)) {
      try magnitudeMask(Tensor(values), amount: .fraction(0.5))
    }
  }
}
