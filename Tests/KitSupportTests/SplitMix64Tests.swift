import KitSupport
import Testing

@Suite("SplitMix64 generator")
struct SplitMix64Tests {
  @Test("Seed 0 gives the published SplitMix64 sequence")
  func referenceSequence() {
    var generator = SplitMix64(seed: 0)
    #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(generator.next() == 0x06C4_5D18_8009_454F)
    var other = SplitMix64(seed: 42)
    #expect(other.next() == 0xBDD7_3226_2FEB_6E95)
  }

  @Test(
    "Equal seeds give equal sequences; different seeds differ",
    arguments: [1, 7, 12345] as [UInt64])
  func determinism(seed: UInt64) {
    var a = SplitMix64(seed: seed)
    var b = SplitMix64(seed: seed)
    var c = SplitMix64(seed: seed &+ 1)
    let first = (0..<32).map { _ in a.next() }
    #expect(first == (0..<32).map { _ in b.next() })
    #expect(first != (0..<32).map { _ in c.next() })
  }

  @Test("Unit floats and doubles stay in 0..<1 and spread over it")
  func unitRanges() {
    var generator = SplitMix64(seed: 9)
    let floats = (0..<2000).map { _ in generator.nextUnitFloat() }
    let doubles = (0..<2000).map { _ in generator.nextUnitDouble() }
    #expect(floats.allSatisfy { $0 >= 0 && $0 < 1 })
    #expect(doubles.allSatisfy { $0 >= 0 && $0 < 1 })
    let mean = floats.reduce(0, +) / Float(floats.count)
    #expect(abs(mean - 0.5) < 0.05)
    #expect((floats.min() ?? 1) < 0.01)
    #expect((floats.max() ?? 0) > 0.99)
  }

  @Test("Floats in a range stay inside the range")
  func floatRange() {
    var generator = SplitMix64(seed: 3)
    let values = (0..<1000).map { _ in generator.nextFloat(in: -2...3) }
    #expect(values.allSatisfy { $0 >= -2 && $0 <= 3 })
    #expect((values.min() ?? 0) < -1.9)
    #expect((values.max() ?? 0) > 2.9)
  }

  @Test("Integers below a bound cover 0..<bound; bounds below 1 give 0")
  func integers() {
    var generator = SplitMix64(seed: 5)
    let values = (0..<600).map { _ in generator.nextInt(below: 6) }
    #expect(Set(values) == Set(0..<6))
    #expect(generator.nextInt(below: 1) == 0)
    #expect(generator.nextInt(below: 0) == 0)
    #expect(generator.nextInt(below: -4) == 0)
  }

  @Test("Gaussian draws have mean near 0 and standard deviation near 1")
  func gaussian() {
    var generator = SplitMix64(seed: 17)
    let values = (0..<4000).map { _ in Double(generator.nextGaussian()) }
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
    #expect(abs(mean) < 0.06)
    #expect(abs(variance.squareRoot() - 1) < 0.06)
    #expect(values.allSatisfy { $0.isFinite })
  }

  @Test("Shuffling permutes the elements and is reproducible")
  func shuffle() {
    var a = SplitMix64(seed: 8)
    var b = SplitMix64(seed: 8)
    var first = Array(0..<20)
    var second = Array(0..<20)
    a.shuffle(&first)
    b.shuffle(&second)
    #expect(first == second)
    #expect(first.sorted() == Array(0..<20))
    #expect(first != Array(0..<20))
    var single = [1]
    a.shuffle(&single)
    #expect(single == [1])
  }
}
