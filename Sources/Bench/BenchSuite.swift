import BenchKit
import Foundation

/// The data sizes of one run.
struct BenchSizes {
  /// Elements of the pruning vectors.
  var floats: Int
  /// Rows and columns of the mat-vec matrices.
  var matrix: Int
  /// Weights clustered by k-means.
  var kMeansWeights: Int
  /// Rows and columns of the one-shot layer, and its calibration tokens.
  var oneShotLayer = 1024
  var oneShotTokens = 2048

  static let full = BenchSizes(floats: 10_000_000, matrix: 4096, kMeansWeights: 1_000_000)
  static let quick = BenchSizes(
    floats: 1_000_000, matrix: 1024, kMeansWeights: 100_000, oneShotLayer: 256,
    oneShotTokens: 512)
}

/// Runs the chosen benchmark groups and builds the report.
///
/// The group bodies live in one file per exercise module (`WeightPruningBenchmarks.swift`, …);
/// each compiles to "not in this build" rows when its module is left out with `KIT_ONLY`.
struct BenchSuite {
  let sizes: BenchSizes
  var runner: Runner
  var dataDescriptions: [BenchGroup: String] = [:]

  init(options: BenchOptions) {
    sizes = options.quick ? .quick : .full
    runner = Runner(plan: options.plan)
  }

  mutating func run(_ groups: [BenchGroup], context: BenchContext, plan: TimingPlan)
    -> BenchReport
  {
    for group in groups {
      switch group {
      case .threshold: runThreshold()
      case .magnitude: runMagnitude()
      case .csr: runCSR()
      case .block: runBlock()
      case .kmeans: runKMeans()
      case .oneshot: runOneShot()
      }
    }
    runner.finish()
    return BenchReport(
      context: context, plan: plan, rows: runner.rows, dataDescriptions: dataDescriptions)
  }

  /// `4096 × 4096`.
  var matrixShape: String { "\(sizes.matrix) × \(sizes.matrix)" }

  /// The dense mat-vec baseline on a matrix: its row and one call of it.
  func denseBaseline(
    _ matrix: [Float], _ x: [Float], group: BenchGroup, sparsity: Double, pattern: String,
    measuredSparsity: Double
  ) -> (spec: RowSpec, body: () -> Void) {
    let n = sizes.matrix
    let spec = RowSpec(
      group: group, kernel: "dense mat-vec", sparsity: sparsity,
      measuredSparsity: measuredSparsity, pattern: pattern, bytes: byteCount(of: matrix))
    return (spec, { blackHole(Baselines.denseMatVec(matrix, rows: n, columns: n, x)) })
  }
}

/// The bytes an array's elements take.
func byteCount<Element>(of array: [Element]) -> Int {
  array.count * MemoryLayout<Element>.stride
}
