import OneShotPruning
import PruningCore
import PruningTestSupport
import Testing

@Suite("Layer-wise reconstruction error (reconstructionError)")
struct ReconstructionErrorTests {
  @Test("Worked example: pruning W[0][1] and W[1][1] on X = [[1, 2], [1, 0]] costs 4.25")
  func workedExample() throws {
    let error = try reconstructionError(
      original: try Tensor(rows: [[1, -2], [3, 0.5]]),
      pruned: try Tensor(rows: [[1, 0], [3, 0]]),
      inputs: try Tensor(rows: [[1, 2], [1, 0]]))
    expectClose(error, 4.25)
    let one = try reconstructionError(
      original: try Tensor(rows: [[1, 2]]), pruned: try Tensor(rows: [[0, 2]]),
      inputs: try Tensor(rows: [[3], [5]]))
    expectClose(one, 9, "a pruned weight of exactly 1 costs (1 · 3)²")
  }

  @Test("Random layers: ‖WX − ŴX‖²_F matches a Double reference", arguments: RandomData.seeds)
  func randomMatchesReference(seed: UInt64) throws {
    let shape = RandomData.shape(rank: 2, dimensions: 1...8, seed: seed)
    let w = RandomData.tensor(shape: shape, seed: seed &+ 1)
    let pruned = try Tensor(
      shape: shape,
      scalars: w.scalars.enumerated().map { $0.offset % 3 == 0 ? 0 : $0.element * 0.9 })
    let x = RandomData.tensor(shape: [shape[1], 5], seed: seed &+ 2, in: -2...2)
    let error = try reconstructionError(original: w, pruned: pruned, inputs: x)
    expectClose(error, Oracle.reconstruction(w, pruned, inputs: x), tolerance: 1e-9)
    try expectEqual(
      reconstructionError(original: w, pruned: w, inputs: x), 0,
      "reconstructionError(original: w, pruned: w, inputs: x)")
  }

  @Test("Bad input: ranks, shapes and NaN throw the exact error")
  func badInput() throws {
    let w = RandomData.tensor(shape: [2, 3], seed: 1)
    let x = RandomData.tensor(shape: [3, 4], seed: 2)
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [6])) {
      try reconstructionError(original: w, pruned: try w.reshaped(to: [6]), inputs: x)
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2, 3], actual: [3, 2])) {
      try reconstructionError(original: w, pruned: try w.reshaped(to: [3, 2]), inputs: x)
    }
    #expect(throws: PruningError.shapeMismatch(expected: [3, 3], actual: [4, 3])) {
      try reconstructionError(original: w, pruned: w, inputs: try x.reshaped(to: [4, 3]))
    }
    var bad = x
    bad[1, 2] = .nan
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 2], kind: .nan)) {
      try reconstructionError(original: w, pruned: w, inputs: bad)
    }
  }
}
