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
      let n = sizes.matrix
      let matrix = BenchData.blockMatrix(size: n, block: block, sparsity: sparsity)
      let zeros = BenchData.zeroFraction(matrix)
      let pattern = "\(block)x\(block) blocks"
      let expected = Baselines.denseMatVec(matrix, rows: n, columns: n, x)
      var spec = RowSpec(
        group: .block, kernel: "BSRMatrix.multiplied(by:)", sparsity: sparsity,
        measuredSparsity: zeros, pattern: pattern, baseline: "dense mat-vec",
        series: "BSR \(block)x\(block)")
      let dense = denseBaseline(
        matrix, x, group: .block, sparsity: sparsity, pattern: pattern, measuredSparsity: zeros)
      do throws(PruningError) {
        let bsr = try BSRMatrix(
          Tensor(shape: [n, n], scalars: matrix), blockSize: BlockSize(rows: block, columns: block))
        spec.bytes =
          byteCount(of: bsr.data) + byteCount(of: bsr.indices) + byteCount(of: bsr.indptr)
        runner.kernel(
          spec, { () throws(PruningError) in try bsr.multiplied(by: x) },
          check: { BenchData.mismatch($0, expected) }, against: dense)
      } catch {
        runner.record(spec, error: error, against: dense)
      }
    }

    private mutating func timeTwoFour(_ x: [Float]) {
      let n = sizes.matrix
      let matrix = BenchData.twoFourMatrix(size: n)
      let zeros = BenchData.zeroFraction(matrix)
      let expected = Baselines.denseMatVec(matrix, rows: n, columns: n, x)
      var spec = RowSpec(
        group: .block, kernel: "SemiStructuredMatrix.multiplied(by:)", sparsity: 0.5,
        measuredSparsity: zeros, pattern: "2:4", baseline: "dense mat-vec", series: "2:4")
      let dense = denseBaseline(
        matrix, x, group: .block, sparsity: 0.5, pattern: "2:4", measuredSparsity: zeros)
      do throws(PruningError) {
        let compressed = try SemiStructuredMatrix(Tensor(shape: [n, n], scalars: matrix))
        // The format's bytes: the values plus 2 bits of position per value.
        spec.bytes = byteCount(of: compressed.values) + (compressed.positions.count * 2 + 7) / 8
        runner.kernel(
          spec, { () throws(PruningError) in try compressed.multiplied(by: x) },
          check: { BenchData.mismatch($0, expected) }, against: dense)
      } catch {
        runner.record(spec, error: error, against: dense)
      }
    }
  }
#else
  extension BenchSuite {
    mutating func runBlock() {
      runner.notCompiled(.block, kernel: "BSRMatrix.multiplied(by:)", module: "BlockSparsity")
    }
  }
#endif
