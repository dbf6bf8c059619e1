import PruningCore
import PruningTestSupport
import Testing
import WeightSharing

@Suite("Huffman total bits")
struct HuffmanCodingTests {
  @Test(
    "Worked examples and edge cases",
    arguments: [
      ([5, 2, 1, 1], 15),
      ([1, 1, 1, 1], 8),
      ([1, 1], 2),
      ([5, 0, 2, 1, 0, 1], 15),
      ([7], 7),
      ([0, 3, 0], 3),
      ([0, 0], 0),
      ([1, 2, 4, 8, 16], 1 * 4 + 2 * 4 + 4 * 3 + 8 * 2 + 16),
    ])
  func examples(frequencies: [Int], bits: Int) throws {
    try expectEqual(huffmanTotalBits(frequencies), bits, "huffmanTotalBits(frequencies)")
  }

  @Test("The total does not depend on the order of the symbols")
  func orderFree() throws {
    try expectEqual(huffmanTotalBits([1, 5, 1, 2]), 15, "huffmanTotalBits([1, 5, 1, 2])")
    try expectEqual(huffmanTotalBits([3, 3, 2, 2, 2]), 28, "huffmanTotalBits([3, 3, 2, 2, 2])")
    try expectEqual(huffmanTotalBits([2, 3, 2, 3, 2]), 28, "huffmanTotalBits([2, 3, 2, 3, 2])")
  }

  @Test(
    "Random frequencies: equal to repeated merging of the two smallest",
    arguments: RandomData.seeds)
  func randomTotals(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let symbols = 1 + generator.nextInt(below: 40)
    let frequencies = (0..<symbols).map { _ in
      generator.nextInt(below: 4) == 0 ? 0 : 1 + generator.nextInt(below: 1000)
    }
    let total = try huffmanTotalBits(frequencies)
    #expect(total == Oracle.huffmanTotalBits(frequencies), "\(frequencies)")
    // Never worse than a fixed-length code over the symbols that occur.
    let used = frequencies.filter { $0 > 0 }
    let fixed = used.reduce(0, +) * max(1, Oracle.bitsPerCode(max(used.count, 1)))
    #expect(total <= fixed)
  }

  @Test("Bad input throws the exact error")
  func errors() throws {
    #expect(throws: PruningError.emptyInput("frequencies")) { try huffmanTotalBits([]) }
    #expect(throws: PruningError.negativeFrequency(index: 2, frequency: -3)) {
      try huffmanTotalBits([4, 0, -3, 1])
    }
  }
}
