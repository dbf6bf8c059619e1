import Foundation
import PruningCore
import PruningTestSupport
import Testing
import WeightSharing

@Suite("k-means codebooks with linear initialisation")
struct KMeansCodebookTests {
  @Test("The worked example: six weights, three clusters")
  func workedExample() throws {
    let shared = try kMeansCodebook(Tensor([-1, -0.9, 0.1, 0.2, 0.9, 1]), clusters: 3)
    expectClose(shared.centroids, [-0.95, 0.15, 0.95])
    #expect(shared.codes == [0, 0, 1, 1, 2, 2])
  }

  @Test("Scale does not matter: the worked example × 1e-20 gives its centroids × 1e-20")
  func tinyWeights() throws {
    let scale: Float = 1e-20
    let weights: [Float] = [-1, -0.9, 0.1, 0.2, 0.9, 1]
    let shared = try kMeansCodebook(Tensor(weights.map { $0 * scale }), clusters: 3)
    // Each centroid is its cluster's mean at any scale; compare in units of the scale.
    expectClose(shared.centroids.map { $0 / scale }, [-0.95, 0.15, 0.95])
    #expect(shared.codes == [0, 0, 1, 1, 2, 2])
  }

  @Test("With no iterations the centroids are evenly spaced over [min, max], ends included")
  func linearInitialisation() throws {
    let example = try kMeansCodebook(
      Tensor([-1, -0.9, 0.1, 0.2, 0.9, 1]), clusters: 3, maxIterations: 0)
    expectClose(example.centroids, [-1, 0, 1])
    #expect(example.codes == [0, 0, 1, 1, 2, 2])

    let skewed = try kMeansCodebook(
      Tensor([0.9, 0.1, 0.2, 0.15, 3]), clusters: 4, maxIterations: 0)
    expectClose(skewed.centroids, [0.1, 1.06666667, 2.03333333, 3])
    #expect(skewed.codes == [1, 0, 0, 0, 3])

    // min + 2 · step rounds to 0 here, 1e30 away from max: the last centroid is max itself.
    let wide = try kMeansCodebook(Tensor([-1e30, 1]), clusters: 3, maxIterations: 0)
    expectEqual(wide.centroids.last ?? .nan, 1, "the last of [-1e30, …] over [-1e30, 1]")
    expectEqual(wide.centroids.first ?? .nan, -1e30, "the first")
  }

  @Test(
    "The iteration cap stops the loop, and the codes match the returned centroids",
    arguments: [
      (0, [0, 7.5, 15] as [Float], [0, 0, 1, 1, 1, 1, 2]),
      (1, [1, 7.25, 15], [0, 0, 0, 1, 1, 1, 2]),
      (2, [2, 8.333333, 15], [0, 0, 0, 0, 1, 1, 2]),
      (3, [2.75, 10, 15], [0, 0, 0, 0, 1, 1, 2]),
      (100, [2.75, 10, 15], [0, 0, 0, 0, 1, 1, 2]),
    ])
  func iterationCap(maxIterations: Int, centroids: [Float], codes: [Int]) throws {
    let shared = try kMeansCodebook(
      Tensor([0, 2, 4, 5, 9, 11, 15]), clusters: 3, maxIterations: maxIterations)
    expectClose(shared.centroids, centroids)
    #expect(shared.codes == codes)
  }

  @Test("By default the loop stops after 100 iterations: weights that take longer to settle")
  func defaultIterationCap() throws {
    // 1,000 weights log(1 + 0.2·i) in 12 clusters: Lloyd's iterations still move codes after
    // the 100th, so a default of 99 or 101 ends somewhere else.
    let scalars = (0..<1000).map { Float(log1p(Double($0) * 0.2)) }
    let expected = Oracle.kMeans(scalars, k: 12, maxIterations: 100)
    let sooner = Oracle.kMeans(scalars, k: 12, maxIterations: 99)
    let later = Oracle.kMeans(scalars, k: 12, maxIterations: 101)
    try #require(sooner.codes != expected.codes && later.codes != expected.codes)
    let shared = try kMeansCodebook(Tensor(scalars), clusters: 12)
    let input = "kMeansCodebook(log(1 + 0.2·i) for i in 0..<1000, clusters: 12)"
    expectClose(shared.centroids, expected.centroids, "\(input), default maxIterations")
    expectEqual(shared.codes, expected.codes, input, "codes after 100 iterations")
  }

  @Test("Centroids that round to the same Float: the copy stays empty, the next one takes over")
  func coincidentCentroids() throws {
    // Over [1, u] with u = 1.nextUp, the linear start 1 + j·(u − 1)/3 rounds to [1, 1, u, u]:
    // cluster 1 repeats cluster 0 and stays empty, and cluster 2 takes every u.
    let u = Float(1).nextUp
    let w = Tensor([1, u, 1, u, u])
    for maxIterations in [0, 100] {
      let shared = try kMeansCodebook(w, clusters: 4, maxIterations: maxIterations)
      let input = "kMeansCodebook([1, u, 1, u, u], clusters: 4, maxIterations: \(maxIterations))"
      expectEqual(shared.centroids, [1, 1, u, u], input, "u = 1.nextUp")
      expectEqual(shared.codes, [0, 2, 0, 2, 2], input)
    }
  }

  @Test("A weight halfway between two centroids joins the lower-indexed cluster")
  func tiesGoToTheLowerIndex() throws {
    // Initial centroids [-1, 1]: 0 is exactly between them.
    let shared = try kMeansCodebook(Tensor([-1, 0, 1]), clusters: 2)
    expectClose(shared.centroids, [-0.5, 1])
    #expect(shared.codes == [0, 0, 1])
  }

  @Test("Linear initialisation gives a rare large weight its own cluster")
  func rareLargeWeight() throws {
    // Initial centroids [0, 5, 10]: the middle cluster stays empty and keeps 5.
    let w = Tensor([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 10])
    let shared = try kMeansCodebook(w, clusters: 3)
    expectClose(shared.centroids, [0.4, 5, 10])
    #expect(shared.codes == [0, 0, 0, 0, 0, 0, 0, 0, 0, 2])
  }

  @Test("More clusters than distinct weights: spare clusters stay empty and keep their centroids")
  func moreClustersThanWeights() throws {
    let shared = try kMeansCodebook(Tensor([0, 1, 2, 3]), clusters: 7)
    expectClose(shared.centroids, [0, 0.5, 1, 1.5, 2, 2.5, 3])
    #expect(shared.codes == [0, 2, 4, 6])
    let reconstructed = shared.codes.map { shared.centroids[$0] }
    expectClose(reconstructed, [0, 1, 2, 3])
  }

  @Test("One cluster starts at the midpoint of [min, max] and converges to the mean")
  func oneCluster() throws {
    let w = Tensor([0, 0, 3])
    let initial = try kMeansCodebook(w, clusters: 1, maxIterations: 0)
    expectClose(initial.centroids, [1.5])
    #expect(initial.codes == [0, 0, 0])
    let converged = try kMeansCodebook(w, clusters: 1)
    expectClose(converged.centroids, [1])
    #expect(converged.codes == [0, 0, 0])
  }

  @Test("All-equal weights give k copies of the value, every code 0")
  func allEqual() throws {
    let w = try Tensor(shape: [2, 2], scalars: [0.25, 0.25, 0.25, 0.25])
    let shared = try kMeansCodebook(w, clusters: 3)
    expectClose(shared.centroids, [0.25, 0.25, 0.25])
    #expect(shared.codes == [0, 0, 0, 0])
  }

  @Test("A mask clusters only the kept weights, and codes list only them")
  func maskSkipsPrunedWeights() throws {
    let w = try Tensor(shape: [3, 3], scalars: [0, -1, 0, -0.9, 0.1, 0, 0.2, 0.9, 1])
    let kept = mask("·█·/██·/███")
    let shared = try kMeansCodebook(w, clusters: 3, mask: kept)
    expectClose(shared.centroids, [-0.95, 0.15, 0.95])
    #expect(shared.codes == [0, 0, 1, 1, 2, 2])

    // The pruned zeros would otherwise set min and max: [0, 5, 10] rather than [2, 6, 10].
    let sparse = Tensor([0, 2, 0, 0, 10, 0])
    let initial = try kMeansCodebook(
      sparse, clusters: 3, maxIterations: 0, mask: mask("·█··█·"))
    expectClose(initial.centroids, [2, 6, 10])
    #expect(initial.codes == [0, 2])
  }

  @Test(
    "Random grid weights: equal to plain Lloyd iterations with brute-force assignment",
    arguments: RandomData.seeds)
  func matchesOracle(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let shape = RandomData.shape(rank: 2, dimensions: 1...9, seed: seed)
    // Multiples of 1/8 are exact, so sums and distances leave no room for rounding quirks.
    let w = RandomData.gridTensor(
      shape: shape, numerators: -40...40, denominator: 8, using: &generator)
    let k = 1 + generator.nextInt(below: 8)
    let cap = generator.nextInt(below: 5)
    for maxIterations in [cap, 100] {
      let shared = try kMeansCodebook(w, clusters: k, maxIterations: maxIterations)
      let expected = Oracle.kMeans(w.scalars, k: k, maxIterations: maxIterations)
      expectClose(shared.centroids, expected.centroids, "k = \(k), cap \(maxIterations)")
      #expect(shared.codes == expected.codes, "k = \(k), cap \(maxIterations)")
    }
  }

  @Test("Random weights: the result is a k-means fixed point", arguments: RandomData.seeds)
  func fixedPoint(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let shape = RandomData.shape(rank: 2, dimensions: 2...12, seed: seed)
    let w = RandomData.tensor(shape: shape, seed: seed, in: -2...2)
    let k = 1 + generator.nextInt(below: 16)
    let shared = try kMeansCodebook(w, clusters: k)
    try #require(shared.centroids.count == k)
    try #require(shared.codes.count == w.count)
    let low = w.scalars.min() ?? 0
    let high = w.scalars.max() ?? 0
    for (value, code) in zip(w.scalars, shared.codes) {
      try #require((0..<k).contains(code))
      let best = shared.centroids.map { abs(value - $0) }.min() ?? 0
      #expect(abs(value - shared.centroids[code]) <= best + 1e-6, "weight \(value), code \(code)")
    }
    for j in 0..<k {
      let members = zip(w.scalars, shared.codes).filter { $0.1 == j }.map { Double($0.0) }
      if members.isEmpty {
        #expect(shared.centroids[j] >= low && shared.centroids[j] <= high)
      } else {
        let mean = Float(members.reduce(0, +) / Double(members.count))
        expectClose(shared.centroids[j], mean, tolerance: 1e-5, "cluster \(j)")
      }
    }
  }

  @Test(
    "Random weights under a mask: equal to clustering the kept weights alone",
    arguments: RandomData.seeds)
  func randomMask(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let shape = RandomData.shape(rank: 2, dimensions: 2...8, seed: seed &+ 7)
    let w = RandomData.gridTensor(
      shape: shape, numerators: -16...16, denominator: 4, using: &generator)
    var flags = (0..<w.count).map { _ in generator.nextInt(below: 3) > 0 }
    flags[generator.nextInt(below: w.count)] = true
    let kept = try Mask(shape: shape, isKept: flags)
    let k = 1 + generator.nextInt(below: 6)
    let shared = try kMeansCodebook(w, clusters: k, mask: kept)
    let survivors = zip(w.scalars, flags).filter { $0.1 }.map { $0.0 }
    let expected = Oracle.kMeans(survivors, k: k)
    expectClose(shared.centroids, expected.centroids)
    #expect(shared.codes == expected.codes)
  }

  @Test("Bad input throws the exact error")
  func errors() throws {
    let w = Tensor([1, 2, 3])
    #expect(throws: PruningError.invalidClusterCount(0)) {
      try kMeansCodebook(w, clusters: 0)
    }
    #expect(throws: PruningError.invalidClusterCount(-2)) {
      try kMeansCodebook(w, clusters: -2)
    }
    #expect(throws: PruningError.invalidIterationCount(-1)) {
      try kMeansCodebook(w, clusters: 2, maxIterations: -1)
    }
    #expect(throws: PruningError.emptyInput("weights")) {
      try kMeansCodebook(Tensor([]), clusters: 2)
    }
    #expect(throws: PruningError.emptyInput("kept weights")) {
      try kMeansCodebook(w, clusters: 2, mask: mask("···"))
    }
    #expect(throws: PruningError.shapeMismatch(expected: [3], actual: [2])) {
      try kMeansCodebook(w, clusters: 2, mask: mask("██"))
    }
    let withNaN = try Tensor(shape: [2, 2], scalars: [1, 2, .nan, 3])
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 0], kind: .nan)) {
      try kMeansCodebook(withNaN, clusters: 2)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [2], kind: .negativeInfinity)) {
      try kMeansCodebook(Tensor([1, 2, -.infinity]), clusters: 2, mask: mask("██·"))
    }
  }
}
