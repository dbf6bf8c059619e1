import PruningCore
import PruningTestSupport
import Testing
import WeightSharing

@Suite("Deep Compression size estimate for one layer")
struct DeepCompressionSizeTests {
  /// 16 weights with non-zeros at 1, 4 and 15.
  let sparse = Mask((0..<16).map { [1, 4, 15].contains($0) })

  @Test("The worked example: pruning, 2 clusters, 3-bit relative indices with one filler")
  func workedExample() throws {
    let shared = SharedWeights(centroids: [-0.5, 0.5], codes: [0, 1, 1])
    let size = try deepCompressionSize(shared, mask: sparse, indexBits: 3)
    // Relative indices [1, 2, 7, 2]: frequencies {1, 2, 1} → 6 bits.
    // Weight codes [0, 1, filler, 1]: frequencies {1, 2, 1} → 6 bits. Codebook 2 · 32 = 64 bits.
    #expect(
      size
        == CompressedLayerSize(
          denseBytes: 64, storedEntries: 4, indexStreamBits: 6, codeStreamBits: 6,
          codebookBits: 64, compressedBytes: 10))
    expectClose(size.compressionRatio, 6.4)
  }

  @Test("A dense layer with one cluster: single-symbol streams cost 1 bit per entry")
  func singleSymbols() throws {
    let shared = SharedWeights(centroids: [0.3], codes: [0, 0, 0, 0])
    let size = try deepCompressionSize(shared, mask: mask("████"), indexBits: 2)
    #expect(
      size
        == CompressedLayerSize(
          denseBytes: 16, storedEntries: 4, indexStreamBits: 4, codeStreamBits: 4,
          codebookBits: 32, compressedBytes: 5))
  }

  @Test("Wider relative indices need no filler here, so fewer entries are stored")
  func widerIndices() throws {
    let shared = SharedWeights(centroids: [-0.5, 0.5], codes: [0, 1, 1])
    let size = try deepCompressionSize(shared, mask: sparse, indexBits: 4)
    // Relative indices [1, 2, 10]: three symbols once each → 5 bits; codes {1, 2} → 3 bits.
    #expect(size.storedEntries == 3)
    #expect(size.indexStreamBits == 5)
    #expect(size.codeStreamBits == 3)
    #expect(size.compressedBytes == 9)  // (5 + 3 + 64) / 8
  }

  @Test("A mask that keeps nothing stores only the codebook")
  func nothingKept() throws {
    let size = try deepCompressionSize(
      SharedWeights(centroids: [1, 2, 3], codes: []), mask: mask("······"), indexBits: 3)
    #expect(
      size
        == CompressedLayerSize(
          denseBytes: 24, storedEntries: 0, indexStreamBits: 0, codeStreamBits: 0,
          codebookBits: 96, compressedBytes: 12))
  }

  @Test(
    "Random pruned layers: equal to the model computed step by step",
    arguments: RandomData.seeds)
  func randomLayers(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let shape = RandomData.shape(rank: 2, dimensions: 4...40, seed: seed)
    let count = Tensor.elementCount(of: shape)
    let density = 0.05 + 0.4 * generator.nextUnitDouble()
    let flags = (0..<count).map { _ in generator.nextUnitDouble() < density }
    let kept = try Mask(shape: shape, isKept: flags)
    let k = 1 + generator.nextInt(below: 32)
    let codes = flags.filter { $0 }.map { _ in generator.nextInt(below: k) }
    let bits = 2 + generator.nextInt(below: 4)
    let size = try deepCompressionSize(
      SharedWeights(centroids: Array(repeating: 0, count: k), codes: codes), mask: kept,
      indexBits: bits)

    let positions = flags.indices.filter { flags[$0] }
    let relative = Oracle.relativeIndices(positions, bits: bits)
    var indexCounts = [Int](repeating: 0, count: 1 << bits)
    var codeCounts = [Int](repeating: 0, count: k + 1)
    var next = 0
    for (value, isFiller) in zip(relative.codes, relative.isFiller) {
      indexCounts[value] += 1
      if isFiller {
        codeCounts[k] += 1
      } else {
        codeCounts[codes[next]] += 1
        next += 1
      }
    }
    let indexBits = Oracle.huffmanTotalBits(indexCounts)
    let codeBits = Oracle.huffmanTotalBits(codeCounts)
    let expected = CompressedLayerSize(
      denseBytes: 4 * count, storedEntries: relative.codes.count, indexStreamBits: indexBits,
      codeStreamBits: codeBits, codebookBits: 32 * k,
      compressedBytes: (indexBits + codeBits + 32 * k + 7) / 8)
    #expect(size == expected, "shape \(shape), k = \(k), \(bits)-bit indices")
  }

  @Test("Bad input throws the exact error")
  func errors() throws {
    let shared = SharedWeights(centroids: [-0.5, 0.5], codes: [0, 1, 1])
    #expect(throws: PruningError.invalidBitWidth(0)) {
      try deepCompressionSize(shared, mask: sparse, indexBits: 0)
    }
    // The bit width is checked first, before the codebook and the codes.
    let noCodebook = SharedWeights(centroids: [], codes: [0, 0, 0])
    for bits in [0, 33] {
      #expect(throws: PruningError.invalidBitWidth(bits), "\(bits)-bit indices, no codebook") {
        try deepCompressionSize(noCodebook, mask: sparse, indexBits: bits)
      }
    }
    for bits in [1, 32] {
      let size = try deepCompressionSize(shared, mask: sparse, indexBits: bits)
      #expect(size.storedEntries >= 3, "\(bits)-bit indices are allowed")
    }
    #expect(throws: PruningError.emptyInput("centroids")) {
      try deepCompressionSize(
        SharedWeights(centroids: [], codes: [0, 0, 0]), mask: sparse, indexBits: 3)
    }
    #expect(throws: PruningError.shapeMismatch(expected: [3], actual: [2])) {
      try deepCompressionSize(
        SharedWeights(centroids: [0], codes: [0, 0]), mask: sparse, indexBits: 3)
    }
    #expect(throws: PruningError.indexOutOfRange(index: 2, count: 2)) {
      try deepCompressionSize(
        SharedWeights(centroids: [0, 1], codes: [0, 2, 1]), mask: sparse, indexBits: 3)
    }
  }
}
