import BenchKit
import Testing

@Suite("Timing harness (fake clock)")
struct HarnessTests {
  @Test("Warm-up runs are not timed; each repeat is one sample; the median is the middle one")
  func warmUpThenSamples() {
    let clock = FakeClock()
    // Two warm-up calls (100 µs, 90 µs), then five samples.
    let work = ScriptedWork(
      clock: clock, durations: [100_000, 90_000, 50_000, 70_000, 60_000, 80_000, 40_000])
    let timing = Harness(clock: clock, plan: testPlan()).measure { work.run() }
    #expect(work.calls == 7)
    #expect(timing.samples == [50_000, 70_000, 60_000, 80_000, 40_000])
    #expect(timing.warmUpRuns == 2)
    #expect(timing.iterationsPerSample == 1)
    #expect(timing.median == 60_000)
    #expect(timing.minimum == 40_000)
    #expect(timing.maximum == 80_000)
  }

  @Test("Calls faster than the shortest sample are batched, and samples are per call")
  func batchesFastCalls() {
    let clock = FakeClock()
    let work = ScriptedWork(clock: clock, durations: [100])
    let plan = testPlan(warmUpRuns: 1, repeats: 3, minimumSampleNanoseconds: 1_000)
    let timing = Harness(clock: clock, plan: plan).measure { work.run() }
    // (1000 + 100) / 100 = 11 calls a sample: 1 calibration call + 3 samples of 11.
    #expect(timing.iterationsPerSample == 11)
    #expect(work.calls == 1 + 3 * 11)
    #expect(timing.samples == [100, 100, 100])
  }

  @Test("The batch size never exceeds the plan's maximum")
  func batchIsCapped() {
    let clock = FakeClock()
    let work = ScriptedWork(clock: clock, durations: [1])
    let plan = testPlan(
      warmUpRuns: 1, repeats: 2, minimumSampleNanoseconds: 1_000_000,
      maximumIterationsPerSample: 50)
    let timing = Harness(clock: clock, plan: plan).measure { work.run() }
    #expect(timing.iterationsPerSample == 50)
    #expect(work.calls == 1 + 2 * 50)
  }

  @Test("A kernel too slow for the budget skips extra warm-ups and takes fewer samples")
  func budgetCutsRepeats() {
    let clock = FakeClock()
    let work = ScriptedWork(clock: clock, durations: [2_000_000_000])
    let plan = testPlan(
      warmUpRuns: 3, repeats: 9, minimumRepeats: 3, budgetNanoseconds: 8_000_000_000)
    let timing = Harness(clock: clock, plan: plan).measure { work.run() }
    // 2 s a call, 8 s budget: 4 affordable, so 4 samples after the one calibration run.
    #expect(timing.warmUpRuns == 1)
    #expect(timing.repeats == 4)
    #expect(work.calls == 5)
  }

  @Test("However slow the kernel, it gets at least the minimum number of samples")
  func budgetKeepsMinimumRepeats() {
    let clock = FakeClock()
    let work = ScriptedWork(clock: clock, durations: [60_000_000_000])
    let plan = testPlan(repeats: 7, minimumRepeats: 3, budgetNanoseconds: 1_000_000_000)
    let timing = Harness(clock: clock, plan: plan).measure { work.run() }
    #expect(timing.repeats == 3)
    #expect(timing.warmUpRuns == 1)
  }

  @Test("Interleaved timing alternates kernel and baseline, and keeps their samples apart")
  func interleaved() {
    let clock = FakeClock()
    var order: [Character] = []
    let kernel = ScriptedWork(clock: clock, durations: [30_000, 10_000, 20_000, 30_000])
    let baseline = ScriptedWork(clock: clock, durations: [60_000])
    let plan = testPlan(warmUpRuns: 1, repeats: 3)
    let (kernelTiming, baselineTiming) = Harness(clock: clock, plan: plan).measure {
      order.append("k")
      kernel.run()
    } interleavedWith: {
      order.append("b")
      baseline.run()
    }
    // The calibration calls, then per round: an untimed kernel call, the kernel's sample, an
    // untimed baseline call, the baseline's sample.
    #expect(String(order) == "kb" + "kkbb" + "kkbb" + "kkbb")
    #expect(kernelTiming.samples == [20_000, 30_000, 30_000])
    #expect(baselineTiming.samples == [60_000, 60_000, 60_000])
    #expect(kernelTiming.median == 30_000)
    #expect(baselineTiming.warmUpRuns == 1)
  }

  @Test("Interleaved, every sample follows an untimed call of its own closure, not the other's")
  func interleavedSamplesAreWarm() {
    // A cache in miniature: a call is slow (cold) unless the previous call was the same closure.
    let clock = FakeClock()
    var last: Character = " "
    func call(_ name: Character, warm: UInt64, cold: UInt64) {
      clock.advance(by: last == name ? warm : cold)
      last = name
    }
    let plan = testPlan(warmUpRuns: 2, repeats: 4)
    let (kernelTiming, baselineTiming) = Harness(clock: clock, plan: plan).measure {
      call("k", warm: 10_000, cold: 50_000)
    } interleavedWith: {
      call("b", warm: 20_000, cold: 90_000)
    }
    #expect(kernelTiming.samples == [10_000, 10_000, 10_000, 10_000])
    #expect(baselineTiming.samples == [20_000, 20_000, 20_000, 20_000])
  }

  @Test("The budget of an interleaved measurement counts the untimed re-warming calls")
  func interleavedBudgetCountsRewarming() {
    let clock = FakeClock()
    let kernel = ScriptedWork(clock: clock, durations: [1_000_000_000])
    let baseline = ScriptedWork(clock: clock, durations: [1_000_000_000])
    let plan = testPlan(
      warmUpRuns: 1, repeats: 9, minimumRepeats: 3, budgetNanoseconds: 20_000_000_000)
    let (kernelTiming, _) = Harness(clock: clock, plan: plan).measure {
      kernel.run()
    } interleavedWith: {
      baseline.run()
    }
    // A round is 4 calls of 1 s: 5 rounds fit 20 s (2 without the re-warming would be 10).
    #expect(kernelTiming.repeats == 5)
    #expect(kernel.calls == 1 + 2 * 5)
  }

  @Test("Interleaved timing batches each side by its own speed")
  func interleavedBatches() {
    let clock = FakeClock()
    let fast = ScriptedWork(clock: clock, durations: [100])
    let slow = ScriptedWork(clock: clock, durations: [5_000])
    let plan = testPlan(warmUpRuns: 1, repeats: 2, minimumSampleNanoseconds: 1_000)
    let (fastTiming, slowTiming) = Harness(clock: clock, plan: plan).measure {
      fast.run()
    } interleavedWith: {
      slow.run()
    }
    #expect(fastTiming.iterationsPerSample == 11)
    #expect(slowTiming.iterationsPerSample == 1)
    #expect(fastTiming.samples == [100, 100])
    #expect(slowTiming.samples == [5_000, 5_000])
  }

  @Test("An error thrown by the body stops the measurement and is rethrown")
  func rethrowsBodyErrors() {
    struct Stop: Error, Equatable {}
    let clock = FakeClock()
    var calls = 0
    #expect(throws: Stop()) {
      _ = try Harness(clock: clock, plan: testPlan()).measure { () throws(Stop) in
        calls += 1
        if calls == 3 { throw Stop() }
        clock.advance(by: 10_000)
      }
    }
    #expect(calls == 3)
  }

  @Test("A clock that reads backwards gives a zero sample rather than a crash")
  func backwardsClock() {
    final class BackwardsClock: BenchClock {
      var reading: UInt64 = 1_000_000
      func nanoseconds() -> UInt64 {
        reading -= 10
        return reading
      }
    }
    let timing = Harness(clock: BackwardsClock(), plan: testPlan(repeats: 3)).measure {}
    #expect(timing.samples.allSatisfy { $0 == 0 })
  }

  @Test("The real monotonic clock never goes backwards")
  func monotonicClock() {
    let clock = MonotonicClock()
    let first = clock.nanoseconds()
    let second = clock.nanoseconds()
    #expect(second >= first)
  }
}

@Suite("Timing statistics")
struct TimingTests {
  @Test(
    "The median of an odd count is the middle sample; of an even count, the mean of the two",
    arguments: [
      ([3.0], 3.0),
      ([5.0, 1.0, 3.0], 3.0),
      ([4.0, 1.0, 3.0, 2.0], 2.5),
      ([10.0, 10.0, 90.0, 10.0, 11.0], 10.0),
    ])
  func median(samples: [Double], expected: Double) {
    #expect(Timing(samples: samples).median == expected)
  }

  @Test("Minimum, maximum and repeat count come from the samples")
  func spread() {
    let timing = Timing(samples: [7, 3, 9, 5], iterationsPerSample: 4, warmUpRuns: 2)
    #expect(timing.minimum == 3)
    #expect(timing.maximum == 9)
    #expect(timing.repeats == 4)
  }

  @Test("A plan clamps nonsense: at least one warm-up run, one repeat and one call a sample")
  func planClamps() {
    let plan = TimingPlan(
      warmUpRuns: 0, repeats: 0, minimumRepeats: 5, minimumSampleNanoseconds: 0,
      maximumIterationsPerSample: 0, budgetNanoseconds: 0)
    #expect(plan.warmUpRuns == 1)
    #expect(plan.repeats == 1)
    #expect(plan.minimumRepeats == 1)
    #expect(plan.maximumIterationsPerSample == 1)
  }
}
