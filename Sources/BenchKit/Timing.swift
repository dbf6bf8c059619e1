/// What the harness measured for one kernel: the samples and how they were taken.
///
/// Each sample is the time of one call in nanoseconds: a batch's time divided by the calls in
/// the batch. The median is the figure to quote (robust to a stray slow run); the minimum and
/// maximum show the spread.
public struct Timing: Hashable, Sendable {
  /// Nanoseconds per call, one per timed sample, in the order taken.
  public var samples: [Double]

  /// Calls per sample (1 unless the call was fast enough to batch).
  public var iterationsPerSample: Int

  /// Untimed runs before the samples (each a batch of `iterationsPerSample` calls).
  public var warmUpRuns: Int

  /// Creates a timing from its samples.
  ///
  /// - Parameters:
  ///   - samples: Nanoseconds per call, at least one sample.
  ///   - iterationsPerSample: Calls per sample.
  ///   - warmUpRuns: Untimed runs before the samples.
  public init(samples: [Double], iterationsPerSample: Int = 1, warmUpRuns: Int = 0) {
    self.samples = samples
    self.iterationsPerSample = iterationsPerSample
    self.warmUpRuns = warmUpRuns
  }

  /// The number of timed samples.
  public var repeats: Int { samples.count }

  /// The median sample in nanoseconds: the middle one, or the mean of the two middle ones.
  public var median: Double {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The fastest sample in nanoseconds.
  public var minimum: Double { samples.min() ?? 0 }

  /// The slowest sample in nanoseconds.
  public var maximum: Double { samples.max() ?? 0 }
}
