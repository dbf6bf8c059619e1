import Dispatch
import PruningCore

/// The timed runs of a latency measurement and their median, in nanoseconds.
public struct LatencyMeasurement: Hashable, Sendable {
  /// The duration of each timed run, in the order they ran (warm-up runs are not here).
  public var samples: [UInt64]

  /// The median of `samples`.
  public var medianNanoseconds: Double

  /// Creates a measurement.
  ///
  /// - Parameters:
  ///   - samples: The duration of each timed run, in nanoseconds.
  ///   - medianNanoseconds: Their median.
  public init(samples: [UInt64], medianNanoseconds: Double) {
    self.samples = samples
    self.medianNanoseconds = medianNanoseconds
  }
}

/// A real clock for ``measureLatency(warmUpRuns:timedRuns:clock:_:)``: monotonic nanoseconds.
///
/// Tests never use it; they pass a fake clock, so their results do not depend on the machine.
public enum MonotonicClock {
  /// Nanoseconds since an arbitrary fixed point; never decreases.
  ///
  /// - Returns: The current reading.
  public static func nanoseconds() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
  }
}

/// The median of durations in nanoseconds: the middle value, or the mean of the two middle
/// values when the count is even (as numpy's `median`).
///
/// The median ignores a few slow outliers (a context switch, a page fault) that drag the mean
/// up.
///
/// ```swift
/// try median([100, 130, 110, 500, 120])   // 120 (the mean is 192)
/// try median([100, 130, 110, 500])        // 120 = (110 + 130) / 2
/// ```
///
/// - Parameter samples: The durations, in any order.
/// - Returns: The median, as a `Double` (an even count can give a half nanosecond).
/// - Throws: `PruningError.emptyInput("samples")` when there are none.
/// - Complexity: O(*n* log *n*).
public func median(_ samples: [UInt64]) throws(PruningError) -> Double {
  // TODO: Sort, then take the middle value or the mean of the two middle values (in Double).
  throw .notImplemented("median(_:)")
}

/// Times a piece of work: warm-up runs first (not timed), then timed runs, and their median.
///
/// The first runs of anything are slow (caches, lazy initialisation, memory allocation), so
/// they are run and thrown away. Each timed run reads `clock` right before and right after
/// `body`; its sample is the difference. The clock is injected so that tests can use a fake
/// one; pass ``MonotonicClock/nanoseconds()`` for real measurements.
///
/// ```swift
/// let timing = try measureLatency(
///   warmUpRuns: 5, timedRuns: 21, clock: MonotonicClock.nanoseconds
/// ) {
///   _ = try model.forward(batch)
/// }
/// timing.medianNanoseconds
/// // With run durations 900, 800 (warm-up), then 100, 130, 110, 500, 120 ns:
/// // samples [100, 130, 110, 500, 120], median 120.
/// ```
///
/// - Parameters:
///   - warmUpRuns: How many untimed runs come first; at least 0.
///   - timedRuns: How many runs are timed; at least 1.
///   - clock: Returns the current time in nanoseconds.
///   - body: The work to time.
/// - Returns: The timed samples, in order, and their median.
/// - Throws: `PruningError.invalidRunCounts` for a negative `warmUpRuns` or a `timedRuns`
///   below 1 (before anything runs); `PruningError.clockWentBackwards` when a reading after a
///   run is earlier than the one before it; whatever `body` throws, at once.
/// - Complexity: `warmUpRuns + timedRuns` runs of `body`.
public func measureLatency(
  warmUpRuns: Int,
  timedRuns: Int,
  clock: () -> UInt64,
  _ body: () throws(PruningError) -> Void
) throws(PruningError) -> LatencyMeasurement {
  // TODO: Check the counts, run the warm-ups untimed, then time each run with two clock readings
  // and take the median.
  throw .notImplemented("measureLatency(warmUpRuns:timedRuns:clock:_:)")
}

/// How many times faster the pruned model ran: baseline latency ÷ pruned latency.
///
/// Unlike the theoretical speedup this is measured, so it includes everything FLOPs leave out:
/// memory traffic, index overhead, kernel support. A model masked to 90 % sparsity on dense
/// hardware typically measures about 1×.
///
/// ```swift
/// try measuredSpeedup(baselineNanoseconds: 120_000, prunedNanoseconds: 100_000)   // 1.2
/// ```
///
/// - Parameters:
///   - baselineNanoseconds: The baseline's median latency; finite and positive.
///   - prunedNanoseconds: The pruned model's median latency; finite and positive.
/// - Returns: The ratio; above 1 means the pruned model is faster.
/// - Throws: `PruningError.invalidLatency` for the first latency that is not finite and
///   positive (the baseline's first).
/// - Complexity: O(1).
public func measuredSpeedup(
  baselineNanoseconds: Double,
  prunedNanoseconds: Double
) throws(PruningError) -> Double {
  // TODO: Check both latencies, then divide the baseline's by the pruned model's.
  throw .notImplemented("measuredSpeedup(baselineNanoseconds:prunedNanoseconds:)")
}
