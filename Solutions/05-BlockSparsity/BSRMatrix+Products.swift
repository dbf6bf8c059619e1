import PruningCore

extension BSRMatrix {
  /// Multiplies the matrix by a vector, reading only the stored blocks.
  ///
  /// For each stored block at block row `bi`, block column `bj`: a small dense `R × C`
  /// mat-vec of the block with `x[bj·C..<(bj+1)·C]`, added into `y[bi·R..<(bi+1)·R]`. One
  /// index is read per block, not per element, and the inner loops are dense and contiguous.
  /// An entry of `x` under a block column with no stored block is never read.
  ///
  /// ```swift
  /// let a = try BSRMatrix(
  ///   Tensor(rows: [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 5, 6], [0, 0, 7, 0]]),
  ///   blockSize: BlockSize(rows: 2, columns: 2))
  /// try a.multiplied(by: [1, 2, 3, 4])  // [1, 0, 39, 21]
  /// ```
  ///
  /// - Parameter vector: The vector `x`, with `columns` entries.
  /// - Returns: The product `y`, with `rows` entries.
  /// - Throws: `PruningError.shapeMismatch(expected: [columns], actual: [vector.count])` when
  ///   the lengths disagree.
  /// - Complexity: O(*M* + *blockCount* · *R* · *C*).
  public func multiplied(by vector: [Float]) throws(PruningError) -> [Float] {
    guard vector.count == columns else {
      throw .shapeMismatch(expected: [columns], actual: [vector.count])
    }
    var result = [Float](repeating: 0, count: rows)
    indptr.withUnsafeBufferPointer { blockStart in
      indices.withUnsafeBufferPointer { blockColumn in
        data.withUnsafeBufferPointer { value in
          vector.withUnsafeBufferPointer { x in
            result.withUnsafeMutableBufferPointer { y in
              let blocks = BlockArrays(start: blockStart, column: blockColumn, value: value)
              switch (blockSize.rows, blockSize.columns) {
              case (8, 8): blocks.multiply8x8(x, into: y)
              case (4, 4): blocks.multiply4x4(x, into: y)
              default: blocks.multiply(rows: blockSize.rows, columns: blockSize.columns, x, into: y)
              }
            }
          }
        }
      }
    }
    return result
  }
}

/// A BSR matrix's three arrays, borrowed for the duration of one product.
///
/// The block sizes that matter most get a kernel each, with `R` and `C` fixed at compile time:
/// a block row's `R` partial sums then live in `R` vector registers for the whole block row
/// (each holding `C` lanes, one per column of the block), every stored block costs `R` vector
/// multiply-adds against one vector load of `x`, and the `R` horizontal sums happen once per
/// block row, not once per block. Pointers are rebased once per block (`value + p·R·C`), so the
/// inner loop does no index arithmetic and no bounds checks. Other block sizes take the plain
/// loop, which is correct for any `R × C`.
private struct BlockArrays {
  let start: UnsafeBufferPointer<Int32>
  let column: UnsafeBufferPointer<Int32>
  let value: UnsafeBufferPointer<Float>

  /// `y += A·x` for 8 × 8 blocks.
  func multiply8x8(_ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>) {
    guard let values = UnsafeRawPointer(value.baseAddress),
      let xs = UnsafeRawPointer(x.baseAddress)
    else { return }
    let stride = MemoryLayout<SIMD8<Float>>.stride
    for bi in 0..<start.count - 1 {
      var (r0, r1, r2, r3) = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())
      var (r4, r5, r6, r7) = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())
      for p in Int(start[bi])..<Int(start[bi + 1]) {
        let v = xs.loadUnaligned(fromByteOffset: Int(column[p]) * stride, as: SIMD8<Float>.self)
        let block = values + p * 8 * stride
        r0 += block.loadUnaligned(fromByteOffset: 0, as: SIMD8<Float>.self) * v
        r1 += block.loadUnaligned(fromByteOffset: 1 * stride, as: SIMD8<Float>.self) * v
        r2 += block.loadUnaligned(fromByteOffset: 2 * stride, as: SIMD8<Float>.self) * v
        r3 += block.loadUnaligned(fromByteOffset: 3 * stride, as: SIMD8<Float>.self) * v
        r4 += block.loadUnaligned(fromByteOffset: 4 * stride, as: SIMD8<Float>.self) * v
        r5 += block.loadUnaligned(fromByteOffset: 5 * stride, as: SIMD8<Float>.self) * v
        r6 += block.loadUnaligned(fromByteOffset: 6 * stride, as: SIMD8<Float>.self) * v
        r7 += block.loadUnaligned(fromByteOffset: 7 * stride, as: SIMD8<Float>.self) * v
      }
      let out = bi * 8
      y[out] += r0.sum()
      y[out + 1] += r1.sum()
      y[out + 2] += r2.sum()
      y[out + 3] += r3.sum()
      y[out + 4] += r4.sum()
      y[out + 5] += r5.sum()
      y[out + 6] += r6.sum()
      y[out + 7] += r7.sum()
    }
  }

  /// `y += A·x` for 4 × 4 blocks.
  func multiply4x4(_ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>) {
    guard let values = UnsafeRawPointer(value.baseAddress),
      let xs = UnsafeRawPointer(x.baseAddress)
    else { return }
    let stride = MemoryLayout<SIMD4<Float>>.stride
    for bi in 0..<start.count - 1 {
      var (r0, r1, r2, r3) = (SIMD4<Float>(), SIMD4<Float>(), SIMD4<Float>(), SIMD4<Float>())
      for p in Int(start[bi])..<Int(start[bi + 1]) {
        let v = xs.loadUnaligned(fromByteOffset: Int(column[p]) * stride, as: SIMD4<Float>.self)
        let block = values + p * 4 * stride
        r0 += block.loadUnaligned(fromByteOffset: 0, as: SIMD4<Float>.self) * v
        r1 += block.loadUnaligned(fromByteOffset: 1 * stride, as: SIMD4<Float>.self) * v
        r2 += block.loadUnaligned(fromByteOffset: 2 * stride, as: SIMD4<Float>.self) * v
        r3 += block.loadUnaligned(fromByteOffset: 3 * stride, as: SIMD4<Float>.self) * v
      }
      let out = bi * 4
      y[out] += r0.sum()
      y[out + 1] += r1.sum()
      y[out + 2] += r2.sum()
      y[out + 3] += r3.sum()
    }
  }

  /// `y += A·x` for any block size: a small dense mat-vec per block.
  func multiply(
    rows r: Int, columns c: Int, _ x: UnsafeBufferPointer<Float>,
    into y: UnsafeMutableBufferPointer<Float>
  ) {
    for bi in 0..<start.count - 1 {
      for p in Int(start[bi])..<Int(start[bi + 1]) {
        let xStart = Int(column[p]) * c
        var block = p * r * c
        for ri in 0..<r {
          var sum: Float = 0
          for ci in 0..<c {
            sum += value[block + ci] * x[xStart + ci]
          }
          y[bi * r + ri] += sum
          block += c
        }
      }
    }
  }
}
