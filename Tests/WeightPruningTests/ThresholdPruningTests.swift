import PruningCore
import PruningTestSupport
import Testing
import WeightPruning

@Suite("Threshold pruning (pruneWeights)")
struct ThresholdPruningTests {
  @Test("The article's example: weights below 0.5 in magnitude become zero")
  func workedExample() throws {
    let pruned = try pruneWeights(Tensor([0.3, -0.05, 0.8, -0.6]), threshold: 0.5)
    expectClose(pruned, Tensor([0, 0, 0.8, -0.6]))
  }

  @Test("A weight exactly at the threshold survives: the comparison is strict")
  func strictComparison() throws {
    let pruned = try pruneWeights(Tensor([0.5, -0.5, 0.49, -0.51]), threshold: 0.5)
    expectClose(pruned, Tensor([0.5, -0.5, 0, -0.51]))
  }

  @Test("A matrix keeps its shape and prunes element by element")
  func matrixKeepsShape() throws {
    let w = try Tensor(rows: [[0.1, -2], [3, -0.2], [0, 0.7]])
    let pruned = try pruneWeights(w, threshold: 0.5)
    expectClose(pruned, try Tensor(rows: [[0, -2], [3, 0], [0, 0.7]]))
  }

  @Test(
    "Random weights: every survivor is unchanged, everything else is zero",
    arguments: RandomData.seeds)
  func randomMatchesDefinition(seed: UInt64) throws {
    let shape = RandomData.shape(rank: 2, dimensions: 1...9, seed: seed)
    let w = RandomData.tensor(shape: shape, seed: seed &+ 100)
    let threshold = Float(RandomData.fraction(seed: seed &+ 200))
    let pruned = try pruneWeights(w, threshold: threshold)
    expectClose(pruned, w.map { abs($0) < threshold ? 0 : $0 }, tolerance: 0)
  }

  @Test("Pruning twice with the same threshold changes nothing more (idempotence)")
  func idempotent() throws {
    let w = RandomData.tensor(shape: [6, 7], seed: 42)
    let once = try pruneWeights(w, threshold: 0.4)
    let twice = try pruneWeights(once, threshold: 0.4)
    expectClose(twice, once, tolerance: 0)
    #expect(once.scalars.contains(0), "the random input should lose some weights")
  }

  @Test("Edge cases: threshold 0 keeps everything, an empty tensor stays empty")
  func edgeCases() throws {
    let w = Tensor([0, -0.25, 1e-30])
    expectClose(try pruneWeights(w, threshold: 0), w, tolerance: 0)
    let empty = try pruneWeights(Tensor([]), threshold: 0.3)
    #expect(empty.shape == [0])
    let huge = try pruneWeights(w, threshold: .greatestFiniteMagnitude)
    expectClose(huge, Tensor([0, 0, 0]), tolerance: 0)
  }

  @Test("A threshold far above every weight zeroes all of them, subnormal ones too, at any length")
  func hugeThreshold() throws {
    // 19 weights: two blocks of eight and a tail of three. The two smallest subnormals have
    // odd bit patterns: a pruned weight must become zero, not keep a stray bit.
    let weights: [Float] = [
      Float(bitPattern: 1), -Float(bitPattern: 3), 1e-38, -1e-30, 3e-20, 1, -2, 1e10,
      -1e20, 1e30, 3e38, -Float.leastNormalMagnitude, 0, -0.0, 7, -7e-7, 0.5, 1e-45, 2e37,
    ]
    for threshold in [Float.greatestFiniteMagnitude, 3.3e38] {
      let pruned = try pruneWeights(Tensor(weights), threshold: threshold).scalars
      let stray = pruned.indices.filter { pruned[$0] != 0 }
      #expect(
        stray.isEmpty,
        "threshold \(threshold): positions \(stray) became \(stray.map { pruned[$0] }), not 0")
    }
    let kept = try pruneWeights(Tensor(weights + [-.greatestFiniteMagnitude]), threshold: 3.3e38)
    #expect(kept.scalars.last == -.greatestFiniteMagnitude, "a weight above the threshold stays")
  }

  @Test(
    "A negative or non-finite threshold is rejected",
    arguments: [Float(-0.1), -.infinity, .infinity, .nan]
  )
  func badThreshold(threshold: Float) {
    let error = #expect(throws: PruningError.self) {
      try pruneWeights(Tensor([1, 2]), threshold: threshold)
    }
    guard case .invalidThreshold(let reported) = error else {
      Issue.record("expected .invalidThreshold, got \(String(describing: error))")
      return
    }
    #expect(reported.isNaN ? threshold.isNaN : reported == threshold)
  }

  /// The expected result, element by element, compared bit for bit (so `-0` and `+0` differ).
  private static func expectedBits(_ values: [Float], threshold: Float) -> [ExactFloat] {
    values.map { ExactFloat(abs($0) < threshold ? 0 : $0) }
  }

  @Test(
    "Lengths 1 to 40: blocks and a remainder of every size agree with the definition bit for bit",
    arguments: RandomData.seeds)
  func everyLength(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    for count in 1...40 {
      let values = (0..<count).map { _ in generator.nextFloat(in: -1...1) }
      let threshold = generator.nextFloat(in: 0...1)
      let actual = try pruneWeights(Tensor(values), threshold: threshold).scalars.exact
      let expected = Self.expectedBits(values, threshold: threshold)
      guard actual == expected else {
        expectEqual(
          actual, expected,
          "pruneWeights(\(count) uniform weights, threshold: \(threshold)) bit for bit",
          "seed \(seed); longer lengths not tried")
        return
      }
    }
  }

  @Test("Signed zeros: a kept -0 stays -0, a pruned weight becomes +0, threshold -0 keeps all")
  func signedZeros() throws {
    // 19 weights: two blocks of eight and three more, with -0 in a block and in the rest.
    let values: [Float] = [
      -0.0, 0.0, -0.75, 0.25, -0.0, 0.5, -0.5, 0.1, 0.0, -0.0, 0.9, -0.2, 0.3, -0.0, 0.6, -0.4,
      -0.0, 0.7, -0.3,
    ]
    for threshold in [Float(0), -0.0, 0.5] {
      let pruned = try pruneWeights(Tensor(values), threshold: threshold)
      expectEqual(
        pruned.scalars.exact, Self.expectedBits(values, threshold: threshold),
        "pruneWeights(\(values), threshold: \(threshold)) bit for bit")
    }
  }

  @Test("Subnormal weights and thresholds compare by magnitude, and the comparison stays strict")
  func subnormalsAndExactThreshold() throws {
    let tiny = Float.leastNonzeroMagnitude
    let normal = Float.leastNormalMagnitude
    for threshold in [tiny, normal.nextDown, normal, 0.5] {
      // 24 weights: the threshold itself, its neighbours and subnormals, both signs.
      let magnitudes: [Float] = [
        threshold, threshold.nextUp, threshold.nextDown, tiny, 2 * tiny, normal.nextDown,
        normal, normal.nextUp, normal / 1024, normal / 3, 0.5, 1,
      ]
      let values = magnitudes.flatMap { [$0, -$0] }
      let pruned = try pruneWeights(Tensor(values), threshold: threshold)
      expectEqual(
        pruned.scalars.exact, Self.expectedBits(values, threshold: threshold),
        "pruneWeights(\(values), threshold: \(threshold)) bit for bit")
    }
  }

  @Test(
    "A NaN or infinity anywhere in 19 weights (blocks or the rest) is reported at its position",
    arguments: [Float.nan, .infinity, -.infinity])
  func nonFiniteAnywhere(bad: Float) throws {
    let kind: NonFiniteKind = bad.isNaN ? .nan : bad > 0 ? .positiveInfinity : .negativeInfinity
    for position in 0..<19 {
      var values = (0..<19).map { Float($0) / 19 - 0.5 }
      values[position] = bad
      let expected = PruningError.nonFiniteWeight(position: [position], kind: kind)
      do {
        let pruned = try pruneWeights(Tensor(values), threshold: 0.25)
        let message =
          "pruneWeights(\(values), threshold: 0.25) returned \(pruned.scalars), expected "
          + "to throw \(expected); later positions not tried"
        Issue.record(Comment(rawValue: message))
        return
      } catch {
        guard error == expected else {
          let message =
            "pruneWeights(\(values), threshold: 0.25) threw \(error), expected \(expected); "
            + "later positions not tried"
          Issue.record(Comment(rawValue: message))
          return
        }
      }
    }
  }

  @Test("A NaN or infinite weight is reported with its row and column")
  func nonFiniteWeight() {
    let w = (try? Tensor(rows: [[1, 2, 3], [4, .nan, 6]])) ?? Tensor([])
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 1], kind: .nan)) {
      try pruneWeights(w, threshold: 0.5)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [2], kind: .negativeInfinity)) {
      try pruneWeights(Tensor([1, 2, -.infinity]), threshold: 0.5)
    }
  }
}
