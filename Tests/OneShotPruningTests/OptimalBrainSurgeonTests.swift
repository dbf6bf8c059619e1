import OneShotPruning
import PruningCore
import PruningTestSupport
import Testing

@Suite("Optimal Brain Surgeon, one weight (optimalBrainSurgeonStep)")
struct OptimalBrainSurgeonTests {
  @Test("Worked example: H = diag(1, 2, 4), w = [0.5, -0.6, 0.4] removes w0 at a cost of 0.125")
  func workedExample() throws {
    let step = try optimalBrainSurgeonStep(
      [0.5, -0.6, 0.4], inverseHessian: SquareMatrix(diagonal: [1, 0.5, 0.25]))
    #expect(step.index == 0)
    expectClose(step.lossIncrease, 0.125)
    expectClose(step.weights.map { Float($0) }, [0, -0.6, 0.4])
  }

  @Test(
    "On a diagonal H, OBS is magnitude pruning scaled by H: argmin h_q·w_q², no other weight moves",
    arguments: RandomData.seeds)
  func diagonalIsScaledMagnitude(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let n = 2 + generator.nextInt(below: 9)
    let w = (0..<n).map { _ in Float(generator.nextUnitDouble() * 2 - 1) }
    let h = (0..<n).map { _ in 0.1 + generator.nextUnitDouble() * 5 }
    let step = try optimalBrainSurgeonStep(
      w, inverseHessian: SquareMatrix(diagonal: h.map { 1 / $0 }))
    let scaled = w.indices.map { h[$0] * Double(w[$0]) * Double(w[$0]) }
    let q = scaled.indices.min { scaled[$0] != scaled[$1] ? scaled[$0] < scaled[$1] : $0 < $1 } ?? 0
    #expect(step.index == q, "h·w² = \(scaled)")
    expectClose(step.lossIncrease, scaled[q] / 2, tolerance: 1e-9)
    var expected = w
    expected[q] = 0
    expectClose(step.weights.map { Float($0) }, expected, tolerance: 1e-6)
  }

  @Test(
    "On a full H, the update is −(w_q/[H⁻¹]_qq)·H⁻¹[:, q] and its cost ½δwᵀHδw is the predicted increase",
    arguments: RandomData.seeds)
  func fullHessian(seed: UInt64) throws {
    let n = 3 + Int(seed % 5)
    let h = Oracle.randomSPD(dimension: n, seed: seed)
    let hInverse = ReferenceAlgebra.inverse(h)
    let w = RandomData.tensor(shape: [n], seed: seed &+ 9).scalars
    let step = try optimalBrainSurgeonStep(w, inverseHessian: Oracle.square(hInverse))
    let saliency = w.indices.map { Double(w[$0]) * Double(w[$0]) / hInverse[$0][$0] }
    let q = saliency.indices.min { saliency[$0] < saliency[$1] } ?? 0
    #expect(step.index == q, "saliencies \(saliency)")
    let expected = w.indices.map { j in
      j == q ? 0 : Double(w[j]) - Double(w[q]) / hInverse[q][q] * hInverse[j][q]
    }
    expectClose(step.weights.map { Float($0) }, expected.map { Float($0) }, tolerance: 1e-5)
    let delta = w.indices.map { step.weights[$0] - Double(w[$0]) }
    let cost =
      0.5
      * (0..<n).map { i in (0..<n).map { h[i][$0] * delta[i] * delta[$0] }.reduce(0, +) }
      .reduce(0, +)
    expectClose(step.lossIncrease, cost, tolerance: 1e-7, "½δwᵀHδw")
  }

  @Test("One weight: it is removed; equal saliencies remove the lower index")
  func edgeCases() throws {
    let one = try optimalBrainSurgeonStep([0.7], inverseHessian: SquareMatrix(diagonal: [2]))
    #expect(one.index == 0 && one.weights == [0])
    expectClose(one.lossIncrease, 0.1225, tolerance: 1e-7)
    let tie = try optimalBrainSurgeonStep(
      [0.5, -0.5, 1], inverseHessian: SquareMatrix(diagonal: [1, 1, 1]))
    #expect(tie.index == 0)
    // w²/d overflows a Double here: every saliency is infinite, and the tie still goes to 0.
    let huge = try optimalBrainSurgeonStep(
      [3e38, 3e38], inverseHessian: SquareMatrix(diagonal: [1e-300, 1e-300]))
    #expect(huge.index == 0, "infinite saliencies tie: the lower index is removed")
  }

  @Test("Bad input: empty row, dimension, NaN, a non-positive diagonal of H⁻¹")
  func badInput() throws {
    #expect(throws: PruningError.emptyInput("row")) {
      try optimalBrainSurgeonStep([], inverseHessian: SquareMatrix(diagonal: []))
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2, 2], actual: [3, 3])) {
      try optimalBrainSurgeonStep([1, 2], inverseHessian: SquareMatrix(diagonal: [1, 1, 1]))
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [1], kind: .nan)) {
      try optimalBrainSurgeonStep([1, .nan], inverseHessian: SquareMatrix(diagonal: [1, 1]))
    }
    #expect(throws: PruningError.matrixNotPositiveDefinite(pivot: 1)) {
      try optimalBrainSurgeonStep([1, 2], inverseHessian: SquareMatrix(diagonal: [1, 0]))
    }
  }
}
