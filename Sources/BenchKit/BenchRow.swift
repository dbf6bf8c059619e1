/// Whether a row times an exercise's kernel or a baseline it is compared to.
public enum KernelRole: String, Hashable, Sendable, Codable {
  /// A function from an exercise module, as compiled (the learner's or the reference).
  case kernel
  /// A reference point from BenchKit: a copy, a sort, a dense product.
  case baseline
}

/// What became of one kernel: a timing, or the reason there is none.
///
/// Only `measured` carries figures; every other case is printed as words, so the report never
/// shows a number it did not measure.
public enum BenchOutcome: Hashable, Sendable {
  /// Timed; the result was checked first.
  case measured(Timing)
  /// The exercise function still throws `notImplemented`; the payload names it.
  case notImplemented(String)
  /// The function threw another error; the payload is its description.
  case failed(String)
  /// The function returned, but its result was wrong, so it was not timed; the payload says how.
  case wrongResult(String)
  /// The exercise module is not in this build (`KIT_ONLY`); the payload names it.
  case notCompiled(String)

  /// The timing, for a measured row.
  public var timing: Timing? {
    if case .measured(let timing) = self { timing } else { nil }
  }

  /// A one-word status for JSON: `measured`, `notImplemented`, `failed`, `wrongResult` or
  /// `notCompiled`.
  public var status: String {
    switch self {
    case .measured: "measured"
    case .notImplemented: "notImplemented"
    case .failed: "failed"
    case .wrongResult: "wrongResult"
    case .notCompiled: "notCompiled"
    }
  }

  /// The words printed instead of a time, or `nil` for a measured row.
  public var message: String? {
    switch self {
    case .measured: nil
    case .notImplemented(let function): "not implemented: \(function)"
    case .failed(let error): "failed: \(error)"
    case .wrongResult(let reason): "wrong result: \(reason)"
    case .notCompiled(let module): "not in this build: module \(module) (see KIT_ONLY)"
    }
  }
}

/// One line of the report: a kernel or baseline, the data it ran on, and what became of it.
public struct BenchRow: Hashable, Sendable {
  /// The benchmark the row belongs to.
  public var group: BenchGroup

  /// The function timed, e.g. `pruneWeights(_:threshold:)` or `dense mat-vec`.
  public var kernel: String

  /// Whether this is an exercise kernel or a baseline.
  public var role: KernelRole

  /// The target sparsity of the data, for the mat-vec benchmarks; it keys the comparison.
  public var sparsity: Double?

  /// The fraction of zeros actually in the data (zeros ÷ elements), when it was counted.
  public var measuredSparsity: Double?

  /// Where the zeros are, e.g. `unstructured`, `4x4 blocks` or `2:4`; with the group and the
  /// sparsity it names the matrix, so it keys the comparison too.
  public var pattern: String?

  /// The kernel name of the baseline row (same group, sparsity and pattern) this row is
  /// compared to.
  public var baseline: String?

  /// The short name of the curve this row adds to the speed-up chart (`CSR`, `BSR 4x4`, …).
  public var series: String?

  /// The bytes of the storage format the kernel reads, counted from its arrays.
  public var bytes: Int?

  /// The timing, or why there is none.
  public var outcome: BenchOutcome

  /// Creates a row.
  ///
  /// - Parameters:
  ///   - group: The benchmark.
  ///   - kernel: The function timed.
  ///   - role: Exercise kernel or baseline.
  ///   - sparsity: The target sparsity of the data, if it has one.
  ///   - measuredSparsity: The counted fraction of zeros, if counted.
  ///   - pattern: Where the zeros are, if the data is a sparse matrix.
  ///   - baseline: The kernel name of the row to compare against.
  ///   - series: The chart curve, for sparse mat-vec kernels.
  ///   - bytes: The storage format's size in bytes.
  ///   - outcome: The timing or the reason there is none.
  public init(
    group: BenchGroup,
    kernel: String,
    role: KernelRole = .kernel,
    sparsity: Double? = nil,
    measuredSparsity: Double? = nil,
    pattern: String? = nil,
    baseline: String? = nil,
    series: String? = nil,
    bytes: Int? = nil,
    outcome: BenchOutcome
  ) {
    self.group = group
    self.kernel = kernel
    self.role = role
    self.sparsity = sparsity
    self.measuredSparsity = measuredSparsity
    self.pattern = pattern
    self.baseline = baseline
    self.series = series
    self.bytes = bytes
    self.outcome = outcome
  }
}
