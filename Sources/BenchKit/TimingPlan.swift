/// How the harness times one kernel: warm-up runs, timed repeats, batching and a time budget.
///
/// The first warm-up run also calibrates: a call faster than `minimumSampleNanoseconds` is
/// repeated in a batch until one sample lasts about that long, so the clock's resolution and
/// its own cost do not distort the result. A kernel so slow that the plan would overrun
/// `budgetNanoseconds` gets no further warm-up runs and fewer repeats, never fewer than
/// `minimumRepeats`; the ``Timing`` says how many it got.
public struct TimingPlan: Hashable, Sendable, Codable {
  /// Untimed runs before the samples, at least 1; the first one calibrates the batch size.
  public var warmUpRuns: Int

  /// Timed samples to take; the median of them is the result.
  public var repeats: Int

  /// The fewest samples taken when the budget forces fewer than `repeats`.
  public var minimumRepeats: Int

  /// The shortest sample worth taking; faster calls are batched up to this.
  public var minimumSampleNanoseconds: UInt64

  /// The largest batch of calls in one sample.
  public var maximumIterationsPerSample: Int

  /// A rough cap on the time spent on one kernel, warm-up included.
  public var budgetNanoseconds: UInt64

  /// Creates a plan.
  ///
  /// - Parameters:
  ///   - warmUpRuns: Untimed runs first; values below 1 count as 1.
  ///   - repeats: Timed samples; values below 1 count as 1.
  ///   - minimumRepeats: The fewest samples under a tight budget; at most `repeats`.
  ///   - minimumSampleNanoseconds: The shortest sample; faster calls are batched.
  ///   - maximumIterationsPerSample: The largest batch; at least 1.
  ///   - budgetNanoseconds: A rough cap on the time for one kernel.
  public init(
    warmUpRuns: Int,
    repeats: Int,
    minimumRepeats: Int,
    minimumSampleNanoseconds: UInt64,
    maximumIterationsPerSample: Int,
    budgetNanoseconds: UInt64
  ) {
    self.warmUpRuns = max(warmUpRuns, 1)
    self.repeats = max(repeats, 1)
    self.minimumRepeats = min(max(minimumRepeats, 1), self.repeats)
    self.minimumSampleNanoseconds = minimumSampleNanoseconds
    self.maximumIterationsPerSample = max(maximumIterationsPerSample, 1)
    self.budgetNanoseconds = budgetNanoseconds
  }

  /// The full run: 2 warm-up runs, the median of 7 samples of at least 2 ms, 10 s per kernel.
  public static let full = TimingPlan(
    warmUpRuns: 2, repeats: 7, minimumRepeats: 3, minimumSampleNanoseconds: 2_000_000,
    maximumIterationsPerSample: 1_000, budgetNanoseconds: 10_000_000_000)

  /// The smoke run: 1 warm-up run, the median of 3 samples, half a second per kernel.
  public static let quick = TimingPlan(
    warmUpRuns: 1, repeats: 3, minimumRepeats: 3, minimumSampleNanoseconds: 500_000,
    maximumIterationsPerSample: 100, budgetNanoseconds: 500_000_000)
}
