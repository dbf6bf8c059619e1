import BenchKit
import Foundation
import PruningCore

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

  /// Times a sparse format's mat-vec against the dense mat-vec on the same square matrix and
  /// records both rows; when building the format throws, records why and times the dense
  /// baseline alone.
  ///
  /// - Parameters:
  ///   - matrix: The row-major `n × n` matrix, `n` being ``BenchSizes/matrix``.
  ///   - x: The vector, `n` values.
  ///   - group: The report group of both rows.
  ///   - kernel: The timed function, e.g. `"CSRMatrix.multiplied(by:)"`.
  ///   - sparsity: The sparsity the matrix was made with.
  ///   - pattern: Where its zeros are, e.g. `"unstructured"` or `"2:4"`.
  ///   - series: The kernel's series in the report, e.g. `"CSR"`.
  ///   - build: Compresses the matrix into the format; the exercise's code.
  ///   - bytes: The format's storage bytes.
  ///   - multiply: One product of the format with a vector; the exercise's code.
  /// - Complexity: O(*n*²) to compress the matrix and check the product, plus the timing
  ///   plan's runs of both kernels.
  mutating func timeMatVec<Format>(
    _ matrix: [Float], _ x: [Float], group: BenchGroup, kernel: String, sparsity: Double,
    pattern: String, series: String,
    build: (Tensor) throws(PruningError) -> Format,
    bytes: (Format) -> Int,
    multiply: (Format, [Float]) throws(PruningError) -> [Float]
  ) {
    let n = sizes.matrix
    let zeros = BenchData.zeroFraction(matrix)
    let expected = Baselines.denseMatVec(matrix, rows: n, columns: n, x)
    var spec = RowSpec(
      group: group, kernel: kernel, sparsity: sparsity, measuredSparsity: zeros,
      pattern: pattern, baseline: "dense mat-vec", series: series)
    let dense = denseBaseline(
      matrix, x, group: group, sparsity: sparsity, pattern: pattern, measuredSparsity: zeros)
    do throws(PruningError) {
      let format = try build(Tensor(shape: [n, n], scalars: matrix))
      spec.bytes = bytes(format)
      runner.kernel(
        spec, { () throws(PruningError) in try multiply(format, x) },
        check: { BenchData.mismatch($0, expected) }, against: dense)
    } catch {
      runner.record(spec, error: error, against: dense)
    }
  }
}

/// The bytes an array's elements take.
func byteCount<Element>(of array: [Element]) -> Int {
  array.count * MemoryLayout<Element>.stride
}
