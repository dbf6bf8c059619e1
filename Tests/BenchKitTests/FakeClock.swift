import BenchKit

/// A clock that moves only when a test moves it, so timings are exact and instant.
final class FakeClock: BenchClock {
  private(set) var now: UInt64 = 0

  func nanoseconds() -> UInt64 { now }

  func advance(by nanoseconds: UInt64) {
    now += nanoseconds
  }
}

/// A workload for the harness: each call advances the fake clock by the next scripted
/// duration (the last one repeats) and is counted.
final class ScriptedWork {
  let clock: FakeClock
  private let durations: [UInt64]
  private(set) var calls = 0

  init(clock: FakeClock, durations: [UInt64]) {
    self.clock = clock
    self.durations = durations
  }

  func run() {
    clock.advance(by: durations[min(calls, durations.count - 1)])
    calls += 1
  }
}

/// A plan with round numbers for tests: no batching below 1 µs, a generous budget.
func testPlan(
  warmUpRuns: Int = 2, repeats: Int = 5, minimumRepeats: Int = 3,
  minimumSampleNanoseconds: UInt64 = 1_000, maximumIterationsPerSample: Int = 1_000,
  budgetNanoseconds: UInt64 = 1_000_000_000
) -> TimingPlan {
  TimingPlan(
    warmUpRuns: warmUpRuns, repeats: repeats, minimumRepeats: minimumRepeats,
    minimumSampleNanoseconds: minimumSampleNanoseconds,
    maximumIterationsPerSample: maximumIterationsPerSample, budgetNanoseconds: budgetNanoseconds)
}
