/// Times a closure: warm-up runs, then several timed samples, read from an injected clock.
///
/// ```swift
/// let harness = Harness(clock: MonotonicClock(), plan: .full)
/// let timing = harness.measure { blackHole(plainCopy(weights)) }
/// timing.median  // nanoseconds per call
/// ```
public struct Harness<Clock: BenchClock> {
  /// Where time comes from.
  public var clock: Clock

  /// How many runs to make and how to batch them.
  public var plan: TimingPlan

  /// Creates a harness.
  ///
  /// - Parameters:
  ///   - clock: The clock to read.
  ///   - plan: The warm-up runs, repeats, batching and budget.
  public init(clock: Clock, plan: TimingPlan) {
    self.clock = clock
    self.plan = plan
  }

  /// Runs `body` by the plan and returns the time per call.
  ///
  /// The first run is a warm-up that also sets the batch size; the rest of the warm-up runs
  /// and the samples follow, each sample timed as one batch. An error thrown by `body` stops
  /// the measurement and is rethrown.
  ///
  /// - Parameter body: The work to time; it should consume its result (``blackHole(_:)``) so
  ///   the optimiser cannot drop it.
  /// - Returns: The samples, in nanoseconds per call.
  /// - Throws: Whatever `body` throws.
  public func measure<Failure: Error>(_ body: () throws(Failure) -> Void) throws(Failure)
    -> Timing
  {
    try measure(body, interleavedWith: {}, timesOther: false).body
  }

  /// Times two closures with their samples interleaved: one of `body`, one of `other`, and
  /// so on, each sample taken warm.
  ///
  /// A kernel and the baseline it is compared to should see the same machine: when another
  /// process takes the processor for a while, both lose samples to it, not just whichever
  /// happened to run then. They should also see the same caches: a sample that followed the
  /// other closure would start with that closure's data in cache and its own evicted, which
  /// for a 64 MiB matrix can double the time. So every sample is preceded by one untimed call
  /// of the same closure, and both are timed warm: in the state their own previous call left.
  /// Each closure gets its own batch size; the budget covers both, re-warming included.
  ///
  /// - Parameters:
  ///   - body: The kernel to time.
  ///   - other: The baseline to time alongside it.
  /// - Returns: The samples of each, in nanoseconds per call.
  /// - Throws: Whatever `body` throws.
  public func measure<Failure: Error>(
    _ body: () throws(Failure) -> Void, interleavedWith other: () -> Void
  ) throws(Failure) -> (body: Timing, other: Timing) {
    try measure(body, interleavedWith: other, timesOther: true)
  }

  private func measure<Failure: Error>(
    _ body: () throws(Failure) -> Void, interleavedWith other: () -> Void, timesOther: Bool
  ) throws(Failure) -> (body: Timing, other: Timing) {
    // The first call of each is a warm-up run that also sets its batch size.
    let bodyFirst = try time(iterations: 1, body)
    let otherFirst = timesOther ? time(iterations: 1, other) : 0
    let bodyIterations = batchSize(forCallTaking: bodyFirst)
    let otherIterations = batchSize(forCallTaking: otherFirst)
    // Interleaved, each sample is re-warmed by one untimed call of its own closure first.
    let rewarm = timesOther ? 1 : 0
    let roundEstimate =
      bodyFirst * UInt64(bodyIterations + rewarm) + otherFirst * UInt64(otherIterations + rewarm)
    let (extraWarmUps, repeats) = schedule(roundNanoseconds: roundEstimate)

    var bodySamples: [Double] = []
    var otherSamples: [Double] = []
    for round in 0..<extraWarmUps + repeats {
      if timesOther { try body() }
      let bodyTime = try time(iterations: bodyIterations, body)
      if timesOther { other() }
      let otherTime = timesOther ? time(iterations: otherIterations, other) : 0
      guard round >= extraWarmUps else { continue }
      bodySamples.append(Double(bodyTime) / Double(bodyIterations))
      otherSamples.append(Double(otherTime) / Double(otherIterations))
    }
    let warmUpRuns = 1 + extraWarmUps
    let bodyTiming = Timing(
      samples: bodySamples, iterationsPerSample: bodyIterations, warmUpRuns: warmUpRuns)
    let otherTiming = Timing(
      samples: otherSamples, iterationsPerSample: otherIterations, warmUpRuns: warmUpRuns)
    return (bodyTiming, otherTiming)
  }

  /// How many more warm-up rounds and how many timed rounds fit the plan and its budget.
  ///
  /// - Parameter roundNanoseconds: The estimated time of one round (a sample of each closure).
  /// - Returns: Warm-up rounds after the first call, and timed rounds.
  private func schedule(roundNanoseconds: UInt64) -> (extraWarmUps: Int, repeats: Int) {
    let affordable = Int(min(plan.budgetNanoseconds / max(roundNanoseconds, 1), UInt64(Int.max)))
    let extraWarmUps = plan.warmUpRuns - 1
    if extraWarmUps + plan.repeats <= affordable { return (extraWarmUps, plan.repeats) }
    return (0, max(plan.minimumRepeats, min(plan.repeats, affordable)))
  }

  /// How many calls make one sample: enough to last `minimumSampleNanoseconds`, within bounds.
  func batchSize(forCallTaking nanoseconds: UInt64) -> Int {
    guard nanoseconds < plan.minimumSampleNanoseconds else { return 1 }
    let needed = (plan.minimumSampleNanoseconds + nanoseconds) / max(nanoseconds, 1)
    return Int(min(needed, UInt64(plan.maximumIterationsPerSample)))
  }

  private func time<Failure: Error>(
    iterations: Int, _ body: () throws(Failure) -> Void
  ) throws(Failure) -> UInt64 {
    let start = clock.nanoseconds()
    for _ in 0..<iterations {
      try body()
    }
    let end = clock.nanoseconds()
    return end >= start ? end - start : 0
  }
}

/// Keeps a value alive and opaque to the optimiser, so the work that made it is not removed.
///
/// - Parameter value: The result of the work being timed.
@inline(never)
public func blackHole<T>(_ value: T) {
  withExtendedLifetime(value) {}
}
