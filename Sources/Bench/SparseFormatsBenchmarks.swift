import BenchKit
import PruningCore

#if KIT_HAS_SparseFormats
  import SparseFormats

  extension BenchSuite {
    /// CSR mat-vec against dense at each sparsity; the report derives the break-even.
    mutating func runCSR() {
      let n = sizes.matrix
      dataDescriptions[.csr] =
        "\(matrixShape) float32, zeros scattered (|w| below the sparsity set to 0); "
        + "CSR with int32 indices"
      let x = BenchData.uniform(count: n, seed: BenchData.vectorSeed + 1)
      for sparsity in BenchData.csrSparsities {
        let matrix = BenchData.unstructuredMatrix(size: n, sparsity: sparsity)
        let zeros = BenchData.zeroFraction(matrix)
        let expected = Baselines.denseMatVec(matrix, rows: n, columns: n, x)
        var spec = RowSpec(
          group: .csr, kernel: "CSRMatrix.multiplied(by:)", sparsity: sparsity,
          measuredSparsity: zeros, pattern: "unstructured", baseline: "dense mat-vec",
          series: "CSR")
        let dense = denseBaseline(
          matrix, x, group: .csr, sparsity: sparsity, pattern: "unstructured",
          measuredSparsity: zeros)
        do throws(PruningError) {
          let csr = try CSRMatrix(Tensor(shape: [n, n], scalars: matrix))
          spec.bytes =
            byteCount(of: csr.data) + byteCount(of: csr.indices) + byteCount(of: csr.indptr)
          runner.kernel(
            spec, { () throws(PruningError) in try csr.multiplied(by: x) },
            check: { BenchData.mismatch($0, expected) }, against: dense)
        } catch {
          runner.record(spec, error: error, against: dense)
        }
      }
    }
  }
#else
  extension BenchSuite {
    mutating func runCSR() {
      runner.notCompiled(.csr, kernel: "CSRMatrix.multiplied(by:)", module: "SparseFormats")
    }
  }
#endif
