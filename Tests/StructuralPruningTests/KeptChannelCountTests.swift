import PruningCore
import PruningTestSupport
import StructuralPruning
import Testing

@Suite("Kept channel counts")
struct KeptChannelCountTests {
  @Test(
    "The MIT lab's counts at ratio 0.3: 64 → 45, 128 → 90, 256 → 179, 512 → 358",
    arguments: [(64, 45), (128, 90), (256, 179), (512, 358)])
  func labCounts(channels: Int, kept: Int) throws {
    try expectEqual(
      keptChannelCount(channels, ratio: 0.3), kept, "keptChannelCount(channels, ratio: 0.3)")
  }

  @Test(
    "Exact halves round to even, not away from zero",
    arguments: [(5, 0.5, 2), (10, 0.75, 2), (6, 0.25, 4), (1, 0.5, 0), (3, 0.5, 2), (7, 0.5, 4)])
  func halves(channels: Int, ratio: Double, kept: Int) throws {
    try expectEqual(
      keptChannelCount(channels, ratio: ratio), kept, "keptChannelCount(channels, ratio: ratio)"
    )
  }

  @Test("Ratio 0 keeps every channel, ratio 1 none; zero channels keep zero")
  func extremes() throws {
    try expectEqual(keptChannelCount(10, ratio: 0), 10, "keptChannelCount(10, ratio: 0)")
    try expectEqual(keptChannelCount(10, ratio: 1), 0, "keptChannelCount(10, ratio: 1)")
    try expectEqual(keptChannelCount(0, ratio: 0.3), 0, "keptChannelCount(0, ratio: 0.3)")
  }

  @Test("Random counts and ratios match round-half-even of C·(1 − r)", arguments: RandomData.seeds)
  func random(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    for _ in 0..<20 {
      let channels = generator.nextInt(below: 600)
      let ratio = generator.nextUnitDouble()
      let expected = Oracle.roundHalfEven(Double(channels) * (1 - ratio))
      try expectEqual(
        keptChannelCount(channels, ratio: ratio), expected,
        "keptChannelCount(channels, ratio: ratio)", "C \(channels), r \(ratio)")
    }
  }

  @Test("Negative counts and ratios outside 0…1 throw the exact error")
  func errors() throws {
    #expect(throws: PruningError.invalidArgument("channels must not be negative, got -1")) {
      try keptChannelCount(-1, ratio: 0.3)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(1.5))) {
      try keptChannelCount(10, ratio: 1.5)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(-0.25))) {
      try keptChannelCount(10, ratio: -0.25)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(-.infinity))) {
      try keptChannelCount(10, ratio: -.infinity)
    }
  }
}
