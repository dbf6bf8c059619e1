import PruningCore
import PruningTestSupport
import Testing
import WeightSharing

@Suite("Centroid gradients: per-cluster sums of weight gradients")
struct CentroidGradientsTests {
  @Test("The worked example: gradients summed by code, an empty cluster gets 0")
  func workedExample() throws {
    let shared = SharedWeights(centroids: [-1, 0, 1], codes: [0, 2, 0, 2])
    let gradients = try Tensor(shape: [2, 2], scalars: [0.1, 0.2, 0.3, 0.4])
    expectClose(try centroidGradients(gradients, shared: shared), [0.4, 0, 0.6])
  }

  @Test("Gradients are summed, not averaged")
  func sumNotMean() throws {
    let shared = SharedWeights(centroids: [0.5, 2], codes: [0, 0, 0, 1])
    let gradients = Tensor([1, 2, 3, -4])
    expectClose(try centroidGradients(gradients, shared: shared), [6, -4])
  }

  @Test("Under a mask, pruned weights' gradients are ignored")
  func masked() throws {
    let shared = SharedWeights(centroids: [-1, 1], codes: [1, 0, 1])
    let gradients = try Tensor(shape: [2, 3], scalars: [9, 0.5, 9, 0.25, 9, -1])
    let kept = mask("·█·/█·█")
    expectClose(try centroidGradients(gradients, shared: shared, mask: kept), [0.25, -0.5])
  }

  @Test("Random gradients: equal to a naive per-cluster sum", arguments: RandomData.seeds)
  func randomSums(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let shape = RandomData.shape(rank: 2, dimensions: 1...10, seed: seed)
    let gradients = RandomData.tensor(shape: shape, seed: seed &+ 99)
    let k = 1 + generator.nextInt(below: 8)
    let codes = (0..<gradients.count).map { _ in generator.nextInt(below: k) }
    let shared = SharedWeights(centroids: Array(repeating: 0, count: k), codes: codes)
    let result = try centroidGradients(gradients, shared: shared)
    var sums = [Double](repeating: 0, count: k)
    for (gradient, code) in zip(gradients.scalars, codes) {
      sums[code] += Double(gradient)
    }
    let expected = sums.map { Float($0) }
    expectClose(result, expected)
    let resultTotal = result.map { Double($0) }.reduce(0, +)
    let gradientTotal = gradients.scalars.map { Double($0) }.reduce(0, +)
    expectClose(resultTotal, gradientTotal, tolerance: 1e-5, "the total gradient is preserved")
  }

  @Test("Bad input throws the exact error")
  func errors() throws {
    let gradients = Tensor([0.1, 0.2, 0.3])
    #expect(throws: PruningError.shapeMismatch(expected: [3], actual: [2])) {
      try centroidGradients(gradients, shared: SharedWeights(centroids: [0], codes: [0, 0]))
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [3])) {
      try centroidGradients(
        gradients, shared: SharedWeights(centroids: [0], codes: [0, 0, 0]), mask: mask("██·"))
    }
    #expect(throws: PruningError.shapeMismatch(expected: [3], actual: [2])) {
      try centroidGradients(
        gradients, shared: SharedWeights(centroids: [0], codes: [0, 0]), mask: mask("██"))
    }
    #expect(throws: PruningError.indexOutOfRange(index: 3, count: 2)) {
      try centroidGradients(gradients, shared: SharedWeights(centroids: [0, 1], codes: [0, 3, 1]))
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [2], kind: .nan)) {
      try centroidGradients(
        Tensor([0.1, 0.2, .nan]), shared: SharedWeights(centroids: [0], codes: [0, 0, 0]))
    }
  }
}
