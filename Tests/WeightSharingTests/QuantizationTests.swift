import PruningCore
import PruningTestSupport
import Testing
import WeightSharing

@Suite("Quantising to a codebook and reconstructing")
struct QuantizationTests {
  let centroids: [Float] = [-0.95, 0.15, 0.95]

  @Test("The worked example: codes, then the centroids back in the original shape")
  func workedExample() throws {
    let w = try Tensor(shape: [2, 3], scalars: [-1, -0.9, 0.1, 0.2, 0.9, 1])
    let codes = try quantize(w, centroids: centroids)
    #expect(codes == [0, 0, 1, 1, 2, 2])
    let rebuilt = try reconstruct(SharedWeights(centroids: centroids, codes: codes), shape: [2, 3])
    expectClose(
      rebuilt, try Tensor(shape: [2, 3], scalars: [-0.95, -0.95, 0.15, 0.15, 0.95, 0.95]))
  }

  @Test("A tie goes to the lower index, whatever order the centroids are in")
  func ties() throws {
    try expectEqual(
      quantize(Tensor([0.5, -0.5]), centroids: [0, 1, -1]), [0, 0],
      "quantize(Tensor([0.5, -0.5]), centroids: [0, 1, -1])")
    try expectEqual(
      quantize(Tensor([0.5]), centroids: [1, 0]), [0],
      "quantize(Tensor([0.5]), centroids: [1, 0])")
    try expectEqual(
      quantize(Tensor([2, 2]), centroids: [3, 1, 3]), [0, 0],
      "quantize(Tensor([2, 2]), centroids: [3, 1, 3])")
    try expectEqual(
      quantize(Tensor([0.25]), centroids: [0.5, 0.25, 0.25]), [1],
      "quantize(Tensor([0.25]), centroids: [0.5, 0.25, 0.25])")
  }

  @Test("A mask quantises only the kept weights, and reconstruction writes 0 where pruned")
  func masked() throws {
    let w = try Tensor(shape: [2, 3], scalars: [0, -1, 0.2, 0, 0.9, 0])
    let kept = mask("·██/·█·")
    let codes = try quantize(w, centroids: centroids, mask: kept)
    #expect(codes == [0, 1, 2])
    let rebuilt = try reconstruct(
      SharedWeights(centroids: centroids, codes: codes), shape: [2, 3], mask: kept)
    expectClose(rebuilt, try Tensor(shape: [2, 3], scalars: [0, -0.95, 0.15, 0, 0.95, 0]))
  }

  @Test("Empty weights give no codes and an empty tensor back")
  func empty() throws {
    try expectEqual(
      quantize(Tensor([]), centroids: [1]), [], "quantize(Tensor([]), centroids: [1])")
    let rebuilt = try reconstruct(SharedWeights(centroids: [1], codes: []), shape: [0, 3])
    #expect(rebuilt.shape == [0, 3])
    #expect(rebuilt.isEmpty)
  }

  @Test(
    "Random weights: codes are brute-force nearest, reconstruction is their centroids",
    arguments: RandomData.seeds)
  func randomRoundTrip(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let shape = RandomData.shape(rank: 3, dimensions: 1...5, seed: seed)
    let w = RandomData.tensor(shape: shape, seed: seed)
    let k = 1 + generator.nextInt(below: 10)
    let book = (0..<k).map { _ in generator.nextFloat(in: -1...1) }
    let codes = try quantize(w, centroids: book)
    #expect(codes == w.scalars.map { Oracle.nearest($0, book) })
    let rebuilt = try reconstruct(SharedWeights(centroids: book, codes: codes), shape: shape)
    #expect(rebuilt.shape == shape)
    expectClose(rebuilt.scalars, codes.map { book[$0] }, tolerance: 0)
    // Quantising the reconstruction changes nothing: every value already is a centroid.
    let again = try quantize(rebuilt, centroids: book)
    #expect(again.map { book[$0] } == rebuilt.scalars)
  }

  @Test(
    "Random weights: k-means codes are exactly the quantisation to its centroids",
    arguments: RandomData.seeds)
  func kMeansAgrees(seed: UInt64) throws {
    let w = RandomData.tensor(shape: [16, 16], seed: seed, in: -3...3)
    let shared = try kMeansCodebook(w, clusters: 8)
    try expectEqual(
      quantize(w, centroids: shared.centroids), shared.codes,
      "quantize(w, centroids: shared.centroids)")
  }

  @Test("quantize: bad input throws the exact error")
  func quantizeErrors() throws {
    let w = Tensor([1, 2])
    #expect(throws: PruningError.emptyInput("centroids")) {
      try quantize(w, centroids: [])
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [1], kind: .nan)) {
      try quantize(w, centroids: [0, .nan])
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [3])) {
      try quantize(w, centroids: [0], mask: mask("███"))
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [0, 1], kind: .positiveInfinity)) {
      try quantize(try Tensor(shape: [1, 2], scalars: [0, .infinity]), centroids: [0])
    }
  }

  @Test("reconstruct: bad input throws the exact error")
  func reconstructErrors() throws {
    let shared = SharedWeights(centroids: [0, 1], codes: [0, 1, 1])
    #expect(throws: PruningError.shapeMismatch(expected: [4], actual: [3])) {
      try reconstruct(shared, shape: [2, 2])
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [3])) {
      try reconstruct(shared, shape: [2, 2], mask: mask("█·/█·"))
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2, 2], actual: [4])) {
      try reconstruct(shared, shape: [2, 2], mask: mask("██·█"))
    }
    #expect(throws: PruningError.indexOutOfRange(index: 2, count: 2)) {
      try reconstruct(SharedWeights(centroids: [0, 1], codes: [0, 2, 1]), shape: [3])
    }
    #expect(throws: PruningError.indexOutOfRange(index: -1, count: 2)) {
      try reconstruct(SharedWeights(centroids: [0, 1], codes: [-1]), shape: [1])
    }
    #expect(throws: PruningError.invalidShape(shape: [-1, 3], scalarCount: 3)) {
      try reconstruct(shared, shape: [-1, 3])
    }
  }
}
