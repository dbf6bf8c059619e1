import BenchKit
import Testing

/// The error a scripted kernel throws.
private struct StubError: Error, Equatable {
  var function: String
}

/// The row's outcome for a scripted kernel's error.
private func stubOutcome(_ error: StubError) -> BenchOutcome {
  .notImplemented(error.function)
}

@Suite("Kernel trials: check first, then time (fake clock)")
struct KernelTrialTests {
  /// A harness on a fake clock, and a kernel and a baseline that advance it.
  private func setUp() -> (
    harness: Harness<FakeClock>, kernel: ScriptedWork, baseline: ScriptedWork
  ) {
    let clock = FakeClock()
    let plan = testPlan(warmUpRuns: 2, repeats: 3)
    return (
      Harness(clock: clock, plan: plan), ScriptedWork(clock: clock, durations: [10_000]),
      ScriptedWork(clock: clock, durations: [30_000])
    )
  }

  @Test("A right result is checked on an untimed call, then timed interleaved with the baseline")
  func rightResultIsTimed() {
    let (harness, kernel, baseline) = setUp()
    var checked: [Int] = []
    let trial = harness.trial(
      { () throws(StubError) -> Int in
        kernel.run()
        return 42
      },
      check: {
        checked.append($0)
        return nil
      }, baseline: { baseline.run() },
      outcome: stubOutcome)
    #expect(checked == [42], "the result is checked once, before any timing")
    #expect(trial.result == 42)
    #expect(trial.kernel.timing?.median == 10_000)
    #expect(trial.baseline?.median == 30_000)
    // The check's call, the calibration call, then each of 1 extra warm-up and 3 timed rounds
    // re-warms with an untimed call before its sample.
    #expect(kernel.calls == 1 + 1 + 4 * 2)
    #expect(baseline.calls == 1 + 4 * 2)
  }

  @Test("A wrong result is not timed; the baseline is timed alone")
  func wrongResultIsNotTimed() {
    let (harness, kernel, baseline) = setUp()
    var alone = 0
    let trial = harness.trial(
      { () throws(StubError) -> Int in
        kernel.run()
        return 41
      }, check: { $0 == 42 ? nil : "got \($0), expected 42" }, baseline: { baseline.run() },
      outcome: stubOutcome, willTimeBaselineAlone: { alone += 1 })
    #expect(trial.kernel == .wrongResult("got 41, expected 42"))
    #expect(trial.result == nil)
    #expect(kernel.calls == 1, "a wrong kernel runs once, for the check")
    #expect(alone == 1)
    #expect(trial.baseline?.median == 30_000)
    #expect(baseline.calls == 2 + 3, "the baseline alone: 2 warm-up runs and 3 samples")
  }

  @Test("An error becomes the row's outcome, and the baseline is still timed alone")
  func errorBecomesOutcome() {
    let (harness, kernel, baseline) = setUp()
    let trial = harness.trial(
      { () throws(StubError) -> Int in
        kernel.run()
        throw StubError(function: "f(_:)")
      }, check: { _ in nil }, baseline: { baseline.run() },
      outcome: stubOutcome)
    #expect(trial.kernel == .notImplemented("f(_:)"))
    #expect(kernel.calls == 1)
    #expect(trial.baseline?.repeats == 3)
  }

  @Test("Without a baseline a right result is timed on its own and no baseline is reported")
  func noBaseline() {
    let (harness, kernel, _) = setUp()
    let trial = harness.trial(
      { () throws(StubError) -> Int in
        kernel.run()
        return 1
      }, check: { _ in nil }, outcome: stubOutcome)
    #expect(trial.kernel.timing?.samples == [10_000, 10_000, 10_000])
    #expect(trial.baseline == nil)
    #expect(kernel.calls == 1 + 2 + 3, "the check, 2 warm-up runs and 3 samples")
  }
}
