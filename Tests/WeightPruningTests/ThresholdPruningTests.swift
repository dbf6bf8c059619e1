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
