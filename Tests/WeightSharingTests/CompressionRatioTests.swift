import PruningCore
import PruningTestSupport
import Testing
import WeightSharing

@Suite("Bits per code and the weight-sharing compression ratio")
struct CompressionRatioTests {
  @Test(
    "A code needs ⌈log2 k⌉ bits, and one cluster needs none",
    arguments: [
      (1, 0), (2, 1), (3, 2), (4, 2), (5, 3), (16, 4), (17, 5), (32, 5), (256, 8), (257, 9),
    ])
  func bits(clusters: Int, bits: Int) throws {
    try expectEqual(bitsPerCode(clusters: clusters), bits, "bitsPerCode(clusters: clusters)")
  }

  @Test("Deep Compression's example: 16 weights, 32 bits, 4 clusters give 3.2")
  func workedExample() throws {
    expectClose(try sharingCompressionRatio(weightCount: 16, bitsPerWeight: 32, clusters: 4), 3.2)
  }

  @Test("A codebook that is not a power of two pays for whole bits")
  func roundsBitsUp() throws {
    // 3 clusters still need 2 bits: 512 / (32 + 96).
    expectClose(try sharingCompressionRatio(weightCount: 16, bitsPerWeight: 32, clusters: 3), 4)
    // 5 clusters need 3 bits: 512 / (48 + 160).
    expectClose(
      try sharingCompressionRatio(weightCount: 16, bitsPerWeight: 32, clusters: 5), 512.0 / 208)
  }

  @Test("One cluster stores no codes: the ratio is the number of weights")
  func oneCluster() throws {
    expectClose(try sharingCompressionRatio(weightCount: 16, bitsPerWeight: 32, clusters: 1), 16)
  }

  @Test("Deep Compression's codebooks: 256 shared fp32 values in a large layer approach 4×")
  func largeLayer() throws {
    let ratio = try sharingCompressionRatio(
      weightCount: 1_000_000, bitsPerWeight: 32, clusters: 256)
    expectClose(ratio, 32_000_000.0 / 8_008_192)
  }

  @Test("Random sizes: the ratio matches n·b / (n·⌈log2 k⌉ + k·b)", arguments: RandomData.seeds)
  func randomRatios(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    for _ in 0..<20 {
      let n = 1 + generator.nextInt(below: 5000)
      let b = 1 + generator.nextInt(below: 32)
      let k = 1 + generator.nextInt(below: 600)
      expectClose(
        try sharingCompressionRatio(weightCount: n, bitsPerWeight: b, clusters: k),
        Oracle.sharingRatio(n: n, b: b, k: k), "n = \(n), b = \(b), k = \(k)")
    }
  }

  @Test("Bad input throws the exact error")
  func errors() throws {
    #expect(throws: PruningError.invalidClusterCount(0)) { try bitsPerCode(clusters: 0) }
    #expect(throws: PruningError.invalidClusterCount(-4)) { try bitsPerCode(clusters: -4) }
    #expect(throws: PruningError.emptyInput("weights")) {
      try sharingCompressionRatio(weightCount: 0, bitsPerWeight: 32, clusters: 4)
    }
    expectClose(
      try sharingCompressionRatio(weightCount: 1, bitsPerWeight: 32, clusters: 1), 1,
      "one weight, one centroid: 32 bits against a 0-bit code and a 32-bit centroid")
    #expect(throws: PruningError.invalidBitWidth(0)) {
      try sharingCompressionRatio(weightCount: 16, bitsPerWeight: 0, clusters: 4)
    }
    #expect(throws: PruningError.invalidBitWidth(33)) {
      try sharingCompressionRatio(weightCount: 16, bitsPerWeight: 33, clusters: 4)
    }
    #expect(throws: PruningError.invalidClusterCount(0)) {
      try sharingCompressionRatio(weightCount: 16, bitsPerWeight: 32, clusters: 0)
    }
  }
}
