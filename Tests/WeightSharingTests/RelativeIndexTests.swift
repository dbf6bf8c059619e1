import PruningCore
import PruningTestSupport
import Testing
import WeightSharing

@Suite("Relative index encoding with filler zeros")
struct RelativeIndexTests {
  @Test("The worked example: non-zeros at 1, 4, 15 with 3-bit codes, a filler at 12")
  func workedExample() throws {
    let encoding = try relativeIndexEncode([1, 4, 15], bits: 3)
    #expect(encoding.codes == [1, 2, 7, 2])
    #expect(encoding.isFiller == [false, false, true, false])
    #expect(encoding.bits == 3)
    try expectEqual(relativeIndexDecode(encoding), [1, 4, 15], "relativeIndexDecode(encoding)")
  }

  @Test(
    "A run of exactly 2^b − 1 zeros fits in one code; one more zero needs a filler",
    arguments: [
      ([0, 8], [0, 7], [false, false]),
      ([0, 9], [0, 7, 0], [false, true, false]),
      ([0, 10], [0, 7, 1], [false, true, false]),
      ([7], [7], [false]),
      ([8], [7, 0], [true, false]),
      ([0, 16], [0, 7, 7], [false, true, false]),
      ([0, 17], [0, 7, 7, 0], [false, true, true, false]),
    ])
  func fillerBoundary(positions: [Int], codes: [Int], isFiller: [Bool]) throws {
    let encoding = try relativeIndexEncode(positions, bits: 3)
    #expect(encoding.codes == codes)
    #expect(encoding.isFiller == isFiller)
    try expectEqual(relativeIndexDecode(encoding), positions, "relativeIndexDecode(encoding)")
  }

  @Test("A code counts the zeros skipped, so adjacent non-zeros have code 0")
  func adjacent() throws {
    let encoding = try relativeIndexEncode([0, 1, 2, 3], bits: 2)
    #expect(encoding.codes == [0, 0, 0, 0])
    #expect(encoding.isFiller == [false, false, false, false])
  }

  @Test("One-bit codes: every second zero of a run becomes a filler")
  func oneBit() throws {
    let encoding = try relativeIndexEncode([0, 1, 2, 5, 9], bits: 1)
    #expect(encoding.codes == [0, 0, 0, 1, 0, 1, 1])
    #expect(encoding.isFiller == [false, false, false, true, false, true, false])
    try expectEqual(
      relativeIndexDecode(encoding), [0, 1, 2, 5, 9], "relativeIndexDecode(encoding)")
  }

  @Test("No non-zeros give an empty encoding, and decoding it gives no positions")
  func empty() throws {
    let encoding = try relativeIndexEncode([], bits: 4)
    #expect(encoding.codes.isEmpty)
    #expect(encoding.isFiller.isEmpty)
    try expectEqual(
      relativeIndexDecode(RelativeIndexEncoding(codes: [], isFiller: [], bits: 4)), [],
      "relativeIndexDecode(RelativeIndexEncoding(codes: [], isFiller: [], bits: 4))")
  }

  @Test("Decoding drops fillers but counts their places")
  func decodeDropsFillers() throws {
    let encoding = RelativeIndexEncoding(
      codes: [3, 15, 15, 0, 2], isFiller: [false, true, true, false, false], bits: 4)
    try expectEqual(relativeIndexDecode(encoding), [3, 36, 39], "relativeIndexDecode(encoding)")
  }

  @Test(
    "Random positions: equal to a zero-by-zero walk, and decoding restores them",
    arguments: RandomData.seeds)
  func randomRoundTrip(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let length = 1 + generator.nextInt(below: 300)
    let density = 0.02 + 0.5 * generator.nextUnitDouble()
    let positions = (0..<length).filter { _ in generator.nextUnitDouble() < density }
    let bits = 1 + generator.nextInt(below: 5)
    let encoding = try relativeIndexEncode(positions, bits: bits)
    let expected = Oracle.relativeIndices(positions, bits: bits)
    #expect(encoding.codes == expected.codes, "bits = \(bits)")
    #expect(encoding.isFiller == expected.isFiller, "bits = \(bits)")
    #expect(encoding.codes.allSatisfy { (0..<(1 << bits)).contains($0) })
    try expectEqual(relativeIndexDecode(encoding), positions, "relativeIndexDecode(encoding)")
  }

  @Test("encode: bad input throws the exact error")
  func encodeErrors() throws {
    #expect(throws: PruningError.invalidBitWidth(0)) { try relativeIndexEncode([1], bits: 0) }
    #expect(throws: PruningError.invalidBitWidth(33)) { try relativeIndexEncode([1], bits: 33) }
    let wide = try relativeIndexEncode([0, 4_294_967_295], bits: 32)
    #expect(wide.codes == [0, 4_294_967_294], "32-bit codes store a gap of 2³² − 2 directly")
    #expect(throws: PruningError.positionOutOfOrder(index: 2, position: 3)) {
      try relativeIndexEncode([1, 5, 3], bits: 3)
    }
    #expect(throws: PruningError.positionOutOfOrder(index: 1, position: 4)) {
      try relativeIndexEncode([4, 4], bits: 3)
    }
    #expect(throws: PruningError.positionOutOfOrder(index: 0, position: -1)) {
      try relativeIndexEncode([-1, 2], bits: 3)
    }
  }

  @Test("decode: 32 bits is the widest code, 33 throws")
  func widestCode() throws {
    let widest = RelativeIndexEncoding(
      codes: [0, 4_294_967_295], isFiller: [false, false], bits: 32)
    try expectEqual(relativeIndexDecode(widest), [0, 4_294_967_296], "relativeIndexDecode(widest)")
    #expect(throws: PruningError.invalidBitWidth(33)) {
      try relativeIndexDecode(RelativeIndexEncoding(codes: [1], isFiller: [false], bits: 33))
    }
  }

  @Test("decode: bad input throws the exact error")
  func decodeErrors() throws {
    #expect(throws: PruningError.invalidBitWidth(0)) {
      try relativeIndexDecode(RelativeIndexEncoding(codes: [1], isFiller: [false], bits: 0))
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [1])) {
      try relativeIndexDecode(RelativeIndexEncoding(codes: [1, 2], isFiller: [false], bits: 3))
    }
    #expect(throws: PruningError.indexOutOfRange(index: 8, count: 8)) {
      try relativeIndexDecode(
        RelativeIndexEncoding(codes: [1, 8], isFiller: [false, false], bits: 3))
    }
    #expect(throws: PruningError.indexOutOfRange(index: -1, count: 4)) {
      try relativeIndexDecode(RelativeIndexEncoding(codes: [-1], isFiller: [false], bits: 2))
    }
  }
}
