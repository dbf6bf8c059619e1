/// The reference points the exercise kernels are timed against.
///
/// They live here, not in the exercises, and each is the plain, fair version: a copy is a
/// `memcpy`, the sort is the standard library's, and the dense product is a contiguous
/// row-major loop the compiler turns into vector instructions. A slow baseline would flatter
/// the sparse kernels; these do not.
public enum Baselines {
  /// Copies an array into a new one: the memory-bandwidth floor for any kernel that reads
  /// every element once and writes a new array of the same size.
  ///
  /// - Parameter values: The array to copy.
  /// - Returns: A new array with the same elements.
  /// - Complexity: O(*n*).
  public static func plainCopy(_ values: [Float]) -> [Float] {
    [Float](unsafeUninitializedCapacity: values.count) { buffer, initialized in
      initialized = values.withUnsafeBufferPointer { source in
        buffer.initialize(fromContentsOf: source)
      }
    }
  }

  /// Sorts the magnitudes of the values: what selecting the smallest `k` costs without a
  /// selection algorithm.
  ///
  /// - Parameter values: The values whose magnitudes to sort.
  /// - Returns: `|values|`, ascending.
  /// - Complexity: O(*n* log *n*).
  public static func sortedMagnitudes(_ values: [Float]) -> [Float] {
    var magnitudes = values.map { abs($0) }
    magnitudes.sort()
    return magnitudes
  }

  /// Multiplies a dense row-major matrix by a vector: `y[i] = Σ a[i][j] · x[j]`.
  ///
  /// Every row is a dot product over contiguous memory, computed in 8-wide vectors. Rows go
  /// four at a time, so each 8-wide slice of `x` is loaded once and used four times, and four
  /// independent sums keep the processor busy; leftover rows and columns take a plain loop.
  /// This is the shape of a BLAS `sgemv` on one core, so a sparse kernel that beats it beats
  /// a fair opponent.
  ///
  /// - Parameters:
  ///   - matrix: `rows · columns` values, row-major.
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - vector: `columns` values.
  /// - Returns: The product, `rows` values.
  /// - Complexity: O(*rows* · *columns*).
  public static func denseMatVec(
    _ matrix: [Float], rows: Int, columns: Int, _ vector: [Float]
  ) -> [Float] {
    precondition(matrix.count == rows * columns, "matrix has \(matrix.count) values")
    precondition(vector.count == columns, "vector has \(vector.count) values, not \(columns)")
    var result = [Float](repeating: 0, count: rows)
    matrix.withUnsafeBytes { a in
      vector.withUnsafeBytes { x in
        result.withUnsafeMutableBufferPointer { y in
          var i = 0
          while i + 4 <= rows {
            let sums = fourDotProducts(a, x, firstRow: i, columns: columns)
            for r in 0..<4 { y[i + r] = sums[r] }
            i += 4
          }
          while i < rows {
            y[i] = fourDotProducts(a, x, firstRow: i, columns: columns, rowCount: 1)[0]
            i += 1
          }
        }
      }
    }
    return result
  }

  /// The dot products of up to four consecutive rows of `a` with `x`.
  ///
  /// - Parameters:
  ///   - a: The matrix's bytes, row-major `Float`s.
  ///   - x: The vector's bytes.
  ///   - firstRow: The first of the rows.
  ///   - columns: The row length.
  ///   - rowCount: How many rows, 1 to 4; lanes past it are 0.
  /// - Returns: One dot product per row, in lanes `0..<rowCount`.
  private static func fourDotProducts(
    _ a: UnsafeRawBufferPointer, _ x: UnsafeRawBufferPointer, firstRow: Int, columns: Int,
    rowCount: Int = 4
  ) -> SIMD4<Float> {
    let floatSize = MemoryLayout<Float>.stride
    let rowBytes = columns * floatSize
    // A row past `rowCount` reads the first row again; its lane is dropped at the end.
    func rowStart(_ r: Int) -> Int { (firstRow + (r < rowCount ? r : 0)) * rowBytes }
    let starts = SIMD4(rowStart(0), rowStart(1), rowStart(2), rowStart(3))
    let vectorBytes = (columns - columns % 8) * floatSize
    var sums0 = SIMD8<Float>()
    var sums1 = SIMD8<Float>()
    var sums2 = SIMD8<Float>()
    var sums3 = SIMD8<Float>()
    for offset in stride(from: 0, to: vectorBytes, by: 8 * floatSize) {
      let xs = x.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
      sums0 += a.loadUnaligned(fromByteOffset: starts[0] + offset, as: SIMD8<Float>.self) * xs
      sums1 += a.loadUnaligned(fromByteOffset: starts[1] + offset, as: SIMD8<Float>.self) * xs
      sums2 += a.loadUnaligned(fromByteOffset: starts[2] + offset, as: SIMD8<Float>.self) * xs
      sums3 += a.loadUnaligned(fromByteOffset: starts[3] + offset, as: SIMD8<Float>.self) * xs
    }
    var sums = SIMD4(sums0.sum(), sums1.sum(), sums2.sum(), sums3.sum())
    for offset in stride(from: vectorBytes, to: rowBytes, by: floatSize) {
      let xj = x.load(fromByteOffset: offset, as: Float.self)
      for r in 0..<4 {
        sums[r] += a.load(fromByteOffset: starts[r] + offset, as: Float.self) * xj
      }
    }
    for r in rowCount..<4 { sums[r] = 0 }
    return sums
  }
}
