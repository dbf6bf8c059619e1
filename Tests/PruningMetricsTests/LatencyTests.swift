import PruningCore
import PruningMetrics
import PruningTestSupport
import Testing

@Suite("Latency under an injected clock (median, measureLatency, measuredSpeedup)")
struct LatencyTests {
  @Test("The median is the middle value, or the mean of the two middle values")
  func medianExamples() throws {
    expectClose(try median([100, 130, 110, 500, 120]), 120)
    expectClose(try median([100, 130, 110, 500]), 120)
    expectClose(try median([7]), 7)
    expectClose(try median([2, 1]), 1.5)
    expectClose(try median([5, 5, 1, 9, 5, 5]), 5)
  }

  @Test("Random samples: the median of the sorted values", arguments: RandomData.seeds)
  func randomMedian(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let samples = (0..<(1 + generator.nextInt(below: 30))).map { _ in
      UInt64(generator.nextInt(below: 1000))
    }
    expectClose(try median(samples), Oracle.median(samples))
  }

  @Test("The worked example: two slow warm-up runs are discarded, the median ignores an outlier")
  func workedExample() throws {
    let clock = FakeClock(steps: [900, 800, 100, 130, 110, 500, 120])
    let timing = try measureLatency(warmUpRuns: 2, timedRuns: 5, clock: clock.read) {
      clock.run()
    }
    #expect(timing.samples == [100, 130, 110, 500, 120])
    expectClose(timing.medianNanoseconds, 120, "the mean would be 192")
    #expect(clock.runs == 7)
  }

  @Test("Without warm-up every run is timed; with it the first runs are not")
  func warmUpMatters() throws {
    let cold = FakeClock(steps: [900, 800, 100, 130, 110])
    let all = try measureLatency(warmUpRuns: 0, timedRuns: 3, clock: cold.read) { cold.run() }
    #expect(all.samples == [900, 800, 100])
    expectClose(all.medianNanoseconds, 800)
    let warm = FakeClock(steps: [900, 800, 100, 130, 110])
    let timed = try measureLatency(warmUpRuns: 2, timedRuns: 3, clock: warm.read) { warm.run() }
    #expect(timed.samples == [100, 130, 110])
    expectClose(timed.medianNanoseconds, 110)
  }

  @Test("An even number of timed runs takes the mean of the middle two, not the mean of all")
  func evenCount() throws {
    let clock = FakeClock(steps: [50, 100, 130, 110, 2000])
    let timing = try measureLatency(warmUpRuns: 1, timedRuns: 4, clock: clock.read) {
      clock.run()
    }
    #expect(timing.samples == [100, 130, 110, 2000])
    expectClose(timing.medianNanoseconds, 120)
  }

  @Test(
    "Random runs: warm-ups dropped, samples in order, the median of the rest",
    arguments: RandomData.seeds)
  func randomRuns(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let warmUp = generator.nextInt(below: 5)
    let timed = 1 + generator.nextInt(below: 12)
    let steps = (0..<(warmUp + timed)).map { _ in Int64(1 + generator.nextInt(below: 5000)) }
    let clock = FakeClock(steps: steps)
    let timing = try measureLatency(warmUpRuns: warmUp, timedRuns: timed, clock: clock.read) {
      clock.run()
    }
    let expected = steps.dropFirst(warmUp).map { UInt64($0) }
    #expect(timing.samples == expected)
    expectClose(timing.medianNanoseconds, Oracle.median(expected))
    #expect(clock.runs == warmUp + timed)
  }

  @Test("The least a measurement takes: no warm-up, one timed run, a run too fast to see")
  func smallestMeasurement() throws {
    let clock = FakeClock(steps: [0])
    let timing = try measureLatency(warmUpRuns: 0, timedRuns: 1, clock: clock.read) {
      clock.run()
    }
    #expect(timing.samples == [0], "a clock that did not move reads 0 ns, not an error")
    expectClose(timing.medianNanoseconds, 0)
    #expect(clock.runs == 1)
  }

  @Test("Bad run counts throw before anything runs; a clock going backwards throws")
  func errors() throws {
    let clock = FakeClock(steps: [10])
    #expect(throws: PruningError.invalidRunCounts(warmUp: -1, timed: 5)) {
      try measureLatency(warmUpRuns: -1, timedRuns: 5, clock: clock.read) { clock.run() }
    }
    #expect(throws: PruningError.invalidRunCounts(warmUp: 3, timed: 0)) {
      try measureLatency(warmUpRuns: 3, timedRuns: 0, clock: clock.read) { clock.run() }
    }
    #expect(clock.runs == 0)
    let backwards = FakeClock(steps: [-100])
    #expect(throws: PruningError.clockWentBackwards(start: 1_000_000, end: 999_900)) {
      try measureLatency(warmUpRuns: 0, timedRuns: 3, clock: backwards.read) { backwards.run() }
    }
    #expect(throws: PruningError.emptyInput("samples")) { try median([]) }
  }

  @Test("An error thrown by the work stops the measurement and comes through")
  func bodyErrors() throws {
    let clock = FakeClock(steps: [10])
    #expect(throws: PruningError.shapeMismatch(expected: [1], actual: [2])) {
      try measureLatency(warmUpRuns: 1, timedRuns: 5, clock: clock.read) {
        () throws(PruningError) in
        clock.run()
        if clock.runs == 3 { throw .shapeMismatch(expected: [1], actual: [2]) }
      }
    }
    #expect(clock.runs == 3)
  }

  @Test("Measured speedup is baseline latency ÷ pruned latency")
  func speedup() throws {
    expectClose(try measuredSpeedup(baselineNanoseconds: 120_000, prunedNanoseconds: 100_000), 1.2)
    expectClose(try measuredSpeedup(baselineNanoseconds: 50, prunedNanoseconds: 200), 0.25)
    expectClose(
      try measuredSpeedup(baselineNanoseconds: 0.5, prunedNanoseconds: 0.25), 2,
      "latencies below 1 ns are positive")
    #expect(throws: PruningError.invalidLatency(0)) {
      try measuredSpeedup(baselineNanoseconds: 0, prunedNanoseconds: 10)
    }
    #expect(throws: PruningError.invalidLatency(-5)) {
      try measuredSpeedup(baselineNanoseconds: 10, prunedNanoseconds: -5)
    }
    #expect(throws: PruningError.invalidLatency(.infinity)) {
      try measuredSpeedup(baselineNanoseconds: .infinity, prunedNanoseconds: 10)
    }
  }
}
