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
        timeMatVec(
          BenchData.unstructuredMatrix(size: n, sparsity: sparsity), x, group: .csr,
          kernel: "CSRMatrix.multiplied(by:)", sparsity: sparsity, pattern: "unstructured",
          series: "CSR",
          build: { (w) throws(PruningError) in try CSRMatrix(w) },
          bytes: { byteCount(of: $0.data) + byteCount(of: $0.indices) + byteCount(of: $0.indptr) },
          multiply: { (csr, x) throws(PruningError) in try csr.multiplied(by: x) })
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
