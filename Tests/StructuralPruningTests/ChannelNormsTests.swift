import PruningCore
import PruningTestSupport
import StructuralPruning
import Testing

@Suite("Channel norms")
struct ChannelNormsTests {
  let w = (try? Tensor(rows: [[1, 2], [0.1, 0.1], [3, 0]])) ?? Tensor([])

  @Test("L2 norms of the rows of the worked example are √5, √0.02 and 3")
  func rowsL2() throws {
    let norms = try channelNorms(w, norm: .l2, dimension: 0)
    try #require(norms.count == 3)
    expectClose(norms[0], 5.0.squareRoot(), tolerance: 1e-6)
    expectClose(norms[1], 0.02.squareRoot(), tolerance: 1e-6)
    expectClose(norms[2], 3, tolerance: 1e-6)
  }

  @Test("L2 norms of the columns of the worked example are √10.01 and √4.01")
  func columnsL2() throws {
    let norms = try channelNorms(w, norm: .l2, dimension: 1)
    try #require(norms.count == 2)
    expectClose(norms[0], 10.01.squareRoot(), tolerance: 1e-6)
    expectClose(norms[1], 4.01.squareRoot(), tolerance: 1e-6)
  }

  @Test("L1 norms sum the magnitudes, signs ignored")
  func l1() throws {
    let signed = try Tensor(rows: [[1, -2], [-0.1, 0.1], [-3, 0]])
    let norms = try channelNorms(signed, norm: .l1, dimension: 0)
    try #require(norms.count == 3)
    expectClose(norms[0], 3, tolerance: 1e-6)
    expectClose(norms[1], 0.2, tolerance: 1e-6)
    expectClose(norms[2], 3, tolerance: 1e-6)
  }

  @Test("A convolution's filters are scored over input channels and kernel positions")
  func filters() throws {
    // Two filters of shape [2, 1, 2]: filter 0 holds 1…4, filter 1 holds −1 and zeros.
    let weight = try Tensor(shape: [2, 2, 1, 2], scalars: [1, 2, 3, 4, -1, 0, 0, 0])
    let byFilter = try channelNorms(weight, norm: .l1, dimension: 0)
    try #require(byFilter.count == 2)
    expectClose(byFilter[0], 10, tolerance: 1e-6)
    expectClose(byFilter[1], 1, tolerance: 1e-6)
    let byInput = try channelNorms(weight, norm: .l1, dimension: 1)
    try #require(byInput.count == 2)
    expectClose(byInput[0], 4, tolerance: 1e-6)
    expectClose(byInput[1], 7, tolerance: 1e-6)
  }

  @Test("Random tensors: every dimension and norm matches a naive sum", arguments: RandomData.seeds)
  func random(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let rank = 2 + generator.nextInt(below: 3)
    let shape = RandomData.shape(rank: rank, dimensions: 1...5, seed: seed)
    let weights = RandomData.tensor(shape: shape, seed: seed &+ 1, in: -2...2)
    for dimension in 0..<rank {
      for norm in [Norm.l1, .l2] {
        let actual = try channelNorms(weights, norm: norm, dimension: dimension)
        let expected = Oracle.channelNorms(weights, l1: norm == .l1, dimension: dimension)
        #expect(actual.count == expected.count, "dimension \(dimension), \(norm)")
        for (a, e) in zip(actual, expected) {
          expectClose(a, e, tolerance: 1e-5, "dimension \(dimension), \(norm)")
        }
      }
    }
  }

  @Test("An empty dimension gives no channels; an empty other dimension gives zero norms")
  func emptyShapes() throws {
    let empty = try Tensor(zeros: [0, 3])
    try expectEqual(
      channelNorms(empty, norm: .l2, dimension: 0), [],
      "channelNorms(empty, norm: .l2, dimension: 0)")
    try expectEqual(
      channelNorms(empty, norm: .l2, dimension: 1), [0, 0, 0],
      "channelNorms(empty, norm: .l2, dimension: 1)")
  }

  @Test("Vectors, dimensions out of range and non-finite weights throw the exact error")
  func errors() throws {
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [3])) {
      try channelNorms(Tensor([1, 2, 3]), norm: .l1, dimension: 0)
    }
    #expect(throws: PruningError.invalidDimension(dimension: 2, rank: 2)) {
      try channelNorms(w, norm: .l1, dimension: 2)
    }
    #expect(throws: PruningError.invalidDimension(dimension: -1, rank: 2)) {
      try channelNorms(w, norm: .l2, dimension: -1)
    }
    var bad = w
    bad[2, 1] = .nan
    #expect(throws: PruningError.nonFiniteWeight(position: [2, 1], kind: .nan)) {
      try channelNorms(bad, norm: .l2, dimension: 0)
    }
  }
}
