import BenchKit
import PruningCore

#if KIT_HAS_BlockSparsity
  import BlockSparsity

  extension BenchSuite {
    /// BSR (4×4 and 8×8 blocks) at each sparsity and 2:4 at 50 %, each against dense on the
    /// same matrix.
    mutating func runBlock() {
      let n = sizes.matrix
      dataDescriptions[.block] =
        "\(matrixShape) float32, whole blocks zeroed at random, or 2 of every 4 along a row; "
        + "int32 indices, 2-bit 2:4 positions"
      let x = BenchData.uniform(count: n, seed: BenchData.vectorSeed + 1)
      for sparsity in BenchData.sparsities {
        for block in [4, 8] {
          timeBSR(block: block, sparsity: sparsity, x)
        }
        if sparsity == 0.5 {
          timeTwoFour(x)
        }
      }
    }

    private mutating func timeBSR(block: Int, sparsity: Double, _ x: [Float]) {
      let size = BlockSize(rows: block, columns: block)
      timeMatVec(
        BenchData.blockMatrix(size: sizes.matrix, block: block, sparsity: sparsity), x,
        group: .block, kernel: "BSRMatrix.multiplied(by:)", sparsity: sparsity,
        pattern: "\(block)x\(block) blocks", series: "BSR \(block)x\(block)",
        build: { (w) throws(PruningError) in try BSRMatrix(w, blockSize: size) },
        bytes: { byteCount(of: $0.data) + byteCount(of: $0.indices) + byteCount(of: $0.indptr) },
        multiply: { (bsr, x) throws(PruningError) in try bsr.multiplied(by: x) })
    }

    private mutating func timeTwoFour(_ x: [Float]) {
      timeMatVec(
        BenchData.twoFourMatrix(size: sizes.matrix), x, group: .block,
        kernel: "SemiStructuredMatrix.multiplied(by:)", sparsity: 0.5, pattern: "2:4",
        series: "2:4",
        build: { (w) throws(PruningError) in try SemiStructuredMatrix(w) },
        // The format's bytes: the values plus 2 bits of position per value.
        bytes: { byteCount(of: $0.values) + ($0.positions.count * 2 + 7) / 8 },
        multiply: { (compressed, x) throws(PruningError) in try compressed.multiplied(by: x) })
    }
  }
#else
  extension BenchSuite {
    mutating func runBlock() {
      runner.notCompiled(.block, kernel: "BSRMatrix.multiplied(by:)", module: "BlockSparsity")
    }
  }
#endif
