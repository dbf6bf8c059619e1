import BenchKit
import Foundation
import PruningCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A row of the report before its outcome is known.
struct RowSpec {
  var group: BenchGroup
  var kernel: String
  var sparsity: Double?
  var measuredSparsity: Double?
  var pattern: String?
  var baseline: String?
  var series: String?
  var bytes: Int?

  func row(_ outcome: BenchOutcome, role: KernelRole = .kernel) -> BenchRow {
    BenchRow(
      group: group, kernel: kernel, role: role, sparsity: sparsity,
      measuredSparsity: measuredSparsity, pattern: pattern, baseline: baseline, series: series,
      bytes: bytes, outcome: outcome)
  }
}

/// Checks and times kernels one by one and collects the rows of the report.
///
/// The run policy is BenchKit's `Harness.trial`: an exercise kernel runs once untimed and its
/// result is checked before any timing, so a stub that throws `notImplemented`, another error,
/// or a wrong result each becomes a row that says so in words instead of a time.
struct Runner {
  let harness: Harness<MonotonicClock>
  private(set) var rows: [BenchRow] = []
  private let showsProgress = isatty(STDERR_FILENO) == 1

  init(plan: TimingPlan) {
    harness = Harness(clock: MonotonicClock(), plan: plan)
  }

  /// Runs an exercise kernel once, checks the result, then times it, interleaved with its
  /// baseline when it has one; when the kernel cannot be timed, its baseline is timed alone.
  ///
  /// - Parameters:
  ///   - spec: The kernel's row.
  ///   - body: One call of the kernel.
  ///   - check: Returns why a result is wrong, or `nil` when it is right.
  ///   - bytes: The size of the storage format, counted from a right result.
  ///   - baseline: The baseline's row and one call of it, if the kernel is compared to one.
  mutating func kernel<Result>(
    _ spec: RowSpec,
    _ body: () throws(PruningError) -> Result,
    check: (Result) -> String?,
    bytes: (Result) -> Int? = { _ in nil },
    against baseline: (spec: RowSpec, body: () -> Void)? = nil
  ) {
    progress(spec)
    let trial = harness.trial(
      body, check: check, baseline: baseline?.body, outcome: Self.outcome(for:),
      willTimeBaselineAlone: { if let baseline { progress(baseline.spec) } })
    var spec = spec
    spec.bytes = trial.result.flatMap(bytes) ?? spec.bytes
    rows.append(spec.row(trial.kernel))
    if let baseline, let timing = trial.baseline {
      rows.append(baseline.spec.row(.measured(timing), role: .baseline))
    }
  }

  /// Records a kernel that could not run, e.g. because building its input threw, and times
  /// its baseline on its own.
  mutating func record(
    _ spec: RowSpec, error: PruningError, against baseline: (spec: RowSpec, body: () -> Void)
  ) {
    rows.append(spec.row(Self.outcome(for: error)))
    progress(baseline.spec)
    rows.append(baseline.spec.row(.measured(harness.measure(baseline.body)), role: .baseline))
  }

  /// Records that an exercise module is not in this build.
  mutating func notCompiled(_ group: BenchGroup, kernel: String, module: String) {
    rows.append(BenchRow(group: group, kernel: kernel, outcome: .notCompiled(module)))
  }

  /// Clears the progress line.
  func finish() {
    if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }

  static func outcome(for error: PruningError) -> BenchOutcome {
    if case .notImplemented(let function) = error { return .notImplemented(function) }
    return .failed(error.description)
  }

  private func progress(_ spec: RowSpec) {
    guard showsProgress else { return }
    var text = "timing \(spec.group.rawValue): \(spec.kernel)"
    if let pattern = spec.pattern { text += ", \(pattern)" }
    if let sparsity = spec.sparsity { text += " at \(Format.percent(sparsity))" }
    FileHandle.standardError.write(Data("\r\u{1B}[K\(text) …".utf8))
  }
}
