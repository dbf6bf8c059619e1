import BenchKit

/// Reports built by hand from fixed timings, so rendering is tested without timing anything.
enum ReportFixtures {
  static let context = BenchContext(
    modules: "Solutions/ (KIT_SOLUTIONS=1)", configuration: "release",
    machine: "Test CPU, 2 cores", sizes: "10 floats", quick: false)

  /// A timing whose samples are all `nanoseconds`.
  static func timing(_ nanoseconds: Double, repeats: Int = 3) -> Timing {
    Timing(samples: Array(repeating: nanoseconds, count: repeats), warmUpRuns: 2)
  }

  /// A threshold group (measured, 3 ms against a 2 ms copy), a magnitude group whose kernel
  /// is a stub, and a CSR curve that loses at 50 % and wins from 90 %.
  static func mixed() -> BenchReport {
    var rows = [
      BenchRow(
        group: .threshold, kernel: "pruneWeights(_:threshold:)", baseline: "plain copy",
        outcome: .measured(timing(3_000_000))),
      BenchRow(
        group: .threshold, kernel: "plain copy", role: .baseline,
        outcome: .measured(timing(2_000_000))),
      BenchRow(
        group: .magnitude, kernel: "magnitudeMask(_:amount:)", baseline: "full sort",
        outcome: .notImplemented("pruneCount(_:of:)")),
      BenchRow(
        group: .magnitude, kernel: "full sort", role: .baseline,
        outcome: .measured(timing(900_000_000))),
    ]
    for (sparsity, sparse) in [(0.5, 8_000_000.0), (0.9, 1_000_000.0)] {
      rows.append(
        BenchRow(
          group: .csr, kernel: "CSRMatrix.multiplied(by:)", sparsity: sparsity,
          pattern: "unstructured", baseline: "dense mat-vec", series: "CSR", bytes: 1_000,
          outcome: .measured(timing(sparse))))
      rows.append(
        BenchRow(
          group: .csr, kernel: "dense mat-vec", role: .baseline, sparsity: sparsity,
          pattern: "unstructured", bytes: 4_000, outcome: .measured(timing(4_000_000))))
    }
    return BenchReport(
      context: context, plan: .full, rows: rows,
      dataDescriptions: [.threshold: "10 floats", .csr: "4 × 4"])
  }
}
