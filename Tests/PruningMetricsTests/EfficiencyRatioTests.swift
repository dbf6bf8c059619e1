import PruningCore
import PruningMetrics
import PruningTestSupport
import Testing

@Suite("The source article's efficiency ratio (efficiencyRatio)")
struct EfficiencyRatioTests {
  @Test("Runtime ÷ non-zero parameters: the README's dense layer at 10 µs")
  func value() throws {
    let model = Sequential([.dense(try Fixtures.exampleDense())])
    expectClose(try efficiencyRatio(latencyNanoseconds: 10_000, model: model), 2500)
    let unpruned = Sequential([.dense(try Fixtures.exampleDenseUnpruned())])
    expectClose(try efficiencyRatio(latencyNanoseconds: 10_000, model: unpruned), 1250)
  }

  @Test("A model masked to 90 % but no faster scores 'worse' by about 10×")
  func maskedButNotFaster() throws {
    let dense = try Fixtures.mlp([64, 32, 10], seed: 3)
    let masked = try Fixtures.masked(dense) { $0 % 10 == 0 }  // 237 of 2368 weights kept
    // Same work on dense hardware: the same fake clock durations for both.
    let steps: [Int64] = [40_000, 12_000, 12_500, 11_800, 30_000, 12_100]
    let denseClock = FakeClock(steps: steps)
    let denseTiming = try measureLatency(warmUpRuns: 1, timedRuns: 5, clock: denseClock.read) {
      denseClock.run()
    }
    let maskedClock = FakeClock(steps: steps)
    let maskedTiming = try measureLatency(warmUpRuns: 1, timedRuns: 5, clock: maskedClock.read) {
      maskedClock.run()
    }
    let denseRatio = try efficiencyRatio(
      latencyNanoseconds: denseTiming.medianNanoseconds, model: dense)
    let maskedRatio = try efficiencyRatio(
      latencyNanoseconds: maskedTiming.medianNanoseconds, model: masked)
    #expect(maskedRatio > denseRatio, "the article's ratio calls the masked model less efficient")
    expectClose(maskedRatio / denseRatio, 2410.0 / 279)  // 237 weights + 42 biases survive
    // What the field reports instead: 8.6× compression, and no measured speedup at all.
    expectClose(try compressionRatio(of: masked), 2410.0 / 279)
    expectClose(
      try measuredSpeedup(
        baselineNanoseconds: denseTiming.medianNanoseconds,
        prunedNanoseconds: maskedTiming.medianNanoseconds), 1)
  }

  @Test("A bigger model at the same runtime looks 'better'")
  func biggerLooksBetter() throws {
    let small = try Fixtures.mlp([8, 4, 2], seed: 5)
    let big = try Fixtures.mlp([64, 64, 2], seed: 5)
    #expect(
      try efficiencyRatio(latencyNanoseconds: 1000, model: big)
        < efficiencyRatio(latencyNanoseconds: 1000, model: small))
  }

  @Test("A latency that is not finite and positive throws; no non-zeros gives infinity")
  func errors() throws {
    let model = Sequential([.dense(try Fixtures.exampleDense())])
    #expect(throws: PruningError.invalidLatency(0)) {
      try efficiencyRatio(latencyNanoseconds: 0, model: model)
    }
    #expect(throws: PruningError.invalidLatency(-1)) {
      try efficiencyRatio(latencyNanoseconds: -1, model: model)
    }
    expectClose(
      try efficiencyRatio(latencyNanoseconds: 0.5, model: model), 0.125,
      "a latency below 1 ns is positive")
    let zeros = Sequential([try Fixtures.dense([[0]], bias: [0])])
    try expectEqual(
      efficiencyRatio(latencyNanoseconds: 5, model: zeros), .infinity,
      "efficiencyRatio(latencyNanoseconds: 5, model: zeros)")
  }
}
