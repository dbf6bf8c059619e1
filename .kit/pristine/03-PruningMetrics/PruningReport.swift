import Foundation
import PruningCore

/// A baseline model and its pruned version side by side, as the field reports pruning results.
///
/// Blalock et al. (2020) ask for accuracy *together with* compression and speedup, next to the
/// unpruned baseline's own numbers. Every ratio in the table is taken against the baseline's
/// dense numbers, so the baseline column shows about 1× and a structurally pruned model (fewer
/// parameters in all) is compared fairly.
///
/// ```swift
/// let report = try PruningReport(
///   baseline: denseModel, pruned: prunedModel, inputShape: [1, 64],
///   baselineAccuracy: 0.9750, prunedAccuracy: 0.9690,
///   baselineLatencyNanoseconds: denseTiming.medianNanoseconds,
///   prunedLatencyNanoseconds: prunedTiming.medianNanoseconds)
/// print(try report.rendered())
/// // metric               baseline    pruned
/// // -------------------  --------  --------
/// // accuracy               97.50%    96.90%
/// // accuracy change      +0.00 pp  -0.60 pp
/// // …
/// ```
public struct PruningReport: Hashable, Sendable {
  /// The unpruned model's numbers.
  public var baseline: ModelSummary

  /// The pruned model's numbers.
  public var pruned: ModelSummary

  /// Creates a report from two summaries.
  ///
  /// - Parameters:
  ///   - baseline: The unpruned model's numbers.
  ///   - pruned: The pruned model's numbers.
  public init(baseline: ModelSummary, pruned: ModelSummary) {
    self.baseline = baseline
    self.pruned = pruned
  }

  /// Creates a report by measuring two models with ``ModelSummary/init(model:inputShape:accuracy:latencyNanoseconds:)``.
  ///
  /// - Parameters:
  ///   - baseline: The unpruned model.
  ///   - pruned: The pruned model.
  ///   - inputShape: The input shape both models take, batch dimension first.
  ///   - baselineAccuracy: The baseline's test accuracy, in `0...1`.
  ///   - prunedAccuracy: The pruned model's test accuracy, in `0...1`.
  ///   - baselineLatencyNanoseconds: The baseline's median latency, or `nil`.
  ///   - prunedLatencyNanoseconds: The pruned model's median latency, or `nil`.
  /// - Throws: The errors of ``ModelSummary/init(model:inputShape:accuracy:latencyNanoseconds:)``,
  ///   baseline first.
  public init(
    baseline: Sequential,
    pruned: Sequential,
    inputShape: [Int],
    baselineAccuracy: Double,
    prunedAccuracy: Double,
    baselineLatencyNanoseconds: Double? = nil,
    prunedLatencyNanoseconds: Double? = nil
  ) throws(PruningError) {
    self.init(
      baseline: try ModelSummary(
        model: baseline, inputShape: inputShape, accuracy: baselineAccuracy,
        latencyNanoseconds: baselineLatencyNanoseconds),
      pruned: try ModelSummary(
        model: pruned, inputShape: inputShape, accuracy: prunedAccuracy,
        latencyNanoseconds: prunedLatencyNanoseconds))
  }

  /// The table's cells: a header and 13 rows of label, baseline value, pruned value.
  ///
  /// For a column's summary `x` and the baseline `b` (so the baseline column compares the
  /// baseline with itself), with `f2(v)` = `String(format: "%.2f", v)`:
  ///
  /// | label | cell |
  /// |---|---|
  /// | `metric` | `baseline`, `pruned` (the header) |
  /// | `accuracy` | `f2(100 · x.accuracy) + "%"` |
  /// | `accuracy change` | `String(format: "%+.2f", 100 · (x.accuracy − b.accuracy)) + " pp"` |
  /// | `parameters` | `x.parameters.total` |
  /// | `non-zero parameters` | `x.parameters.nonZero` |
  /// | `sparsity` | `f2(100 · zeros ÷ total) + "%"`, `0.00%` without parameters |
  /// | `compression` | `f2(b.parameters.total ÷ x.parameters.nonZero) + "×"` |
  /// | `MACs` | `x.multiplyAccumulates` |
  /// | `theoretical speedup` | `f2(b.multiplyAccumulates ÷ x.effectiveMultiplyAccumulates) + "×"` |
  /// | `median latency` | `String(format: "%.1f", ns ÷ 1000) + " µs"`, or `n/a` |
  /// | `measured speedup` | `f2(b.latency ÷ x.latency) + "×"`, `n/a` unless both are known |
  /// | `dense size (fp32)` | `"\(x.denseBytes) B"` |
  /// | `CSR size (int32)` | `"\(x.csrBytes) B"` |
  /// | `bitmask size` | `"\(x.bitmaskBytes) B"` |
  ///
  /// Integers are written plainly (`2410`). Ratios are `Double` divisions, so a division by
  /// zero shows as `inf` (or `nan` for 0 ÷ 0), as `String(format:)` prints it.
  ///
  /// - Returns: 14 rows of 3 cells, the header first.
  /// - Throws: No error; it throws only so that the stub can report
  ///   `PruningError.notImplemented`.
  public func rows() throws(PruningError) -> [[String]] {
    // TODO: Build the header and the 13 rows of the table in the documented order and formats.
    throw .notImplemented("PruningReport.rows()")
  }

  /// The report as an aligned text table: ``renderTable(_:)`` of ``rows()``.
  ///
  /// - Returns: The table, ready to print.
  /// - Throws: The errors of ``rows()`` and ``renderTable(_:)``.
  public func rendered() throws(PruningError) -> String {
    // TODO: Render the rows as a table.
    throw .notImplemented("PruningReport.rendered()")
  }
}
