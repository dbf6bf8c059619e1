import OneShotPruning
import PruningCore
import PruningTestSupport
import Testing

@Suite("Calibration statistics (inputNorms, hessian)")
struct CalibrationStatisticsTests {
  @Test(
    "Worked example: X = [[3, 4], [1, 0]] has norms [5, 1]; X = [[1, 2], [0, 1]] has H = [[10, 4], [4, 2]]"
  )
  func workedExample() throws {
    let norms = try inputNorms(try Tensor(rows: [[3, 4], [1, 0]]))
    expectClose(norms, [5, 1])
    let h = try hessian(try Tensor(rows: [[1, 2], [0, 1]]))
    #expect(h.dimension == 2)
    expectClose(h.tensor, try Tensor(rows: [[10, 4], [4, 2]]))
  }

  @Test("Random inputs: norms and H = 2XXᵀ match a Double reference", arguments: RandomData.seeds)
  func randomMatchesReference(seed: UInt64) throws {
    let shape = RandomData.shape(rank: 2, dimensions: 1...9, seed: seed)
    let x = RandomData.tensor(shape: shape, seed: seed &+ 1, in: -3...3)
    let norms = try inputNorms(x)
    expectClose(norms, Oracle.norms(x).map { Float($0) }, tolerance: 1e-5, "X shape \(shape)")
    let h = try hessian(x)
    let expected = Oracle.hessian(x).flatMap { $0 }
    #expect(h.dimension == shape[0])
    let worst = zip(h.scalars, expected).map { abs($0 - $1) }.max() ?? 0
    #expect(worst < 1e-9, "largest |H − 2XXᵀ| = \(worst) for X of shape \(shape)")
  }

  @Test("More tokens than fit one pass: 700 tokens give H = 2XXᵀ, every token counted once")
  func manyTokens() throws {
    let x = RandomData.tensor(shape: [3, 700], seed: 12, in: -2...2)
    let h = try hessian(x)
    let expected = Oracle.hessian(x).flatMap { $0 }
    #expect(h.dimension == 3)
    let worst = zip(h.scalars, expected).map { abs($0 - $1) }.max() ?? 0
    #expect(worst < 1e-9, "largest |H − 2XXᵀ| = \(worst) over 700 tokens")
  }

  @Test("Sums run in Double: 40,000 tokens of 1 + 1e-4 give ‖X‖ = 200.02")
  func accumulatesInDouble() throws {
    let x = try Tensor(shape: [1, 40_000], scalars: Array(repeating: 1.0001, count: 40_000))
    let norm = try inputNorms(x)
    let expected = Float((Double(Float(1.0001)) * Double(Float(1.0001)) * 40_000).squareRoot())
    expectClose(norm, [expected], tolerance: 2e-6)
  }

  @Test("Edge cases: no tokens give zeros; a dead feature has norm 0 and a zero row in H")
  func edgeCases() throws {
    let empty = try Tensor(shape: [3, 0], scalars: [])
    expectClose(try inputNorms(empty), [0, 0, 0])
    try expectEqual(hessian(empty).scalars, Array(repeating: 0, count: 9), "hessian(empty).scalars")
    let dead = try Tensor(rows: [[1, 2], [0, 0]])
    expectClose(try inputNorms(dead), [Float(5).squareRoot(), 0])
    let h = try hessian(dead)
    #expect(h[1, 0] == 0 && h[1, 1] == 0 && h[0, 1] == 0)
  }

  @Test("Bad input: a vector and a NaN throw the exact error")
  func badInput() {
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [3])) {
      try inputNorms(Tensor([1, 2, 3]))
    }
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [3])) {
      try hessian(Tensor([1, 2, 3]))
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 0], kind: .nan)) {
      try inputNorms(try Tensor(rows: [[1, 2], [.nan, 0]]))
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [0, 1], kind: .negativeInfinity)) {
      try hessian(try Tensor(rows: [[1, -.infinity], [0, 0]]))
    }
  }
}
