#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A source of monotonic time for the timing harness.
///
/// The harness reads time only through this protocol, so tests drive it with a fake clock that
/// advances exactly as much as each test says, and no test depends on real timings.
public protocol BenchClock {
  /// The current time in nanoseconds since an arbitrary, fixed origin; never decreases.
  func nanoseconds() -> UInt64
}

/// The system's monotonic clock, `clock_gettime(CLOCK_MONOTONIC)`.
///
/// Monotonic time is not changed by NTP steps or a user setting the date, so an interval
/// between two readings is a true elapsed time.
public struct MonotonicClock: BenchClock, Sendable {
  /// Creates the clock.
  public init() {}

  /// The current monotonic time in nanoseconds.
  public func nanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
  }
}
