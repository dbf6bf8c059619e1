import PruningCore
import PruningTestSupport
import Testing
import WeightSharing

/// Inputs that a fast k-means (a radix sort of the weights, codes from sorted runs) can get
/// wrong while the small examples still pass.
@Suite("k-means codebooks: sorting edge cases (kMeansCodebook)")
struct KMeansSortTests {
  @Test("-0 and +0 are the same weight: they always share a code")
  func signedZeros() throws {
    let weights: [Float] = [-0.0, 1, 0.0, -1, -0.0, 0.5, 0.0]
    let shared = try kMeansCodebook(Tensor(weights), clusters: 3)
    let expected = Oracle.kMeans(weights, k: 3)
    expectClose(shared.centroids, expected.centroids)
    #expect(shared.codes == expected.codes, "weights \(weights)")
    #expect(shared.codes[0] == shared.codes[2], "codes \(shared.codes) of weights \(weights)")
  }

  @Test(
    "Thousands of weights of both signs, many repeated, match Lloyd's algorithm",
    arguments: [(UInt64(1), 16), (2, 5), (3, 64)])
  func largeWithRepeats(seed: UInt64, clusters: Int) throws {
    // Multiples of 1/512 in [-4, 4]: every sum is exact, so any summation order agrees.
    var generator = SplitMix64(seed: seed)
    let weights = (0..<3_000).map { _ in Float(generator.nextInt(below: 4_097) - 2_048) / 512 }
    let shared = try kMeansCodebook(Tensor(weights), clusters: clusters)
    let expected = Oracle.kMeans(weights, k: clusters)
    expectClose(shared.centroids, expected.centroids)
    let mismatch = shared.codes.indices.first { shared.codes[$0] != expected.codes[$0] }
    if let i = mismatch {
      Issue.record(
        "code of weight \(i) (\(weights[i])) is \(shared.codes[i]), expected \(expected.codes[i])")
    }
  }

  @Test(
    "Full-precision weights, subnormals and both zeros included: each code is the nearest centroid",
    arguments: [UInt64(1), 2, 3])
  func codesAreNearestCentroids(seed: UInt64) throws {
    // Every bit of the float varies, so a sort that mishandles any digit, the sign or -0 shows.
    var generator = SplitMix64(seed: seed)
    let weights = (0..<5_000).map { index -> Float in
      switch index % 10 {
      case 0:
        let exponent = -149 + generator.nextInt(below: 30)  // subnormal
        return Float(sign: .plus, exponent: exponent, significand: 1)
      case 1: return index.isMultiple(of: 4) ? -0.0 : 0.0
      default: return generator.nextFloat(in: -1...1)
      }
    }
    let shared = try kMeansCodebook(Tensor(weights), clusters: 16, maxIterations: 5)
    let wrong = weights.indices.first {
      shared.codes[$0] != Oracle.nearest(weights[$0], shared.centroids)
    }
    if let i = wrong {
      let nearest = Oracle.nearest(weights[i], shared.centroids)
      Issue.record(
        """
        weight \(i) (\(weights[i])) has code \(shared.codes[i]); the nearest of the returned \
        centroids is \(nearest): \(shared.centroids)
        """)
    }
  }

  @Test("Duplicate centroids: the lower index takes every member, the copies stay empty")
  func duplicateCentroids() throws {
    // One distinct weight and four clusters: all four centroids start (and stay) equal.
    let same = try kMeansCodebook(Tensor(Array(repeating: Float(0.25), count: 9)), clusters: 4)
    #expect(same.centroids == [0.25, 0.25, 0.25, 0.25])
    #expect(same.codes == Array(repeating: 0, count: 9))
    // Two distinct weights and five clusters: the middle centroids are empty from the start.
    let weights: [Float] = [1, -1, 1, -1, 1]
    let two = try kMeansCodebook(Tensor(weights), clusters: 5)
    let expected = Oracle.kMeans(weights, k: 5)
    expectClose(two.centroids, expected.centroids)
    #expect(two.codes == expected.codes, "weights \(weights), 5 clusters")
  }
}
