import PruningCore
import PruningTestSupport
import SparseFormats

/// Independent reference answers and random inputs: plain, slow and obvious.
enum Oracle {
  /// The dense product `A · x`, row by row, accumulated in `Double`.
  static func matVec(_ a: Tensor, _ x: [Float]) -> [Float] {
    ReferenceAlgebra.matVec(a, x)
  }

  /// The dense product `A · B`, accumulated in `Double`.
  static func matMul(_ a: Tensor, _ b: Tensor) -> Tensor {
    let (rows, inner, width) = (a.shape[0], a.shape[1], b.shape[1])
    var scalars: [Float] = []
    for i in 0..<rows {
      for k in 0..<width {
        var sum = 0.0
        for j in 0..<inner {
          sum += Double(a.scalars[i * inner + j]) * Double(b.scalars[j * width + k])
        }
        scalars.append(Float(sum))
      }
    }
    return (try? Tensor(shape: [rows, width], scalars: scalars)) ?? Tensor([])
  }

  /// The transpose of a matrix.
  static func transpose(_ a: Tensor) -> Tensor {
    let (rows, columns) = (a.shape[0], a.shape[1])
    var scalars: [Float] = []
    for j in 0..<columns {
      for i in 0..<rows {
        scalars.append(a.scalars[i * columns + j])
      }
    }
    return (try? Tensor(shape: [columns, rows], scalars: scalars)) ?? Tensor([])
  }

  /// scipy's CSR arrays of a dense matrix, written out the obvious way.
  static func csrArrays(_ a: Tensor) -> (indptr: [Int32], indices: [Int32], data: [Float]) {
    let (rows, columns) = (a.shape[0], a.shape[1])
    var indptr: [Int32] = [0]
    var indices: [Int32] = []
    var data: [Float] = []
    for i in 0..<rows {
      for j in 0..<columns where a.scalars[i * columns + j] != 0 {
        indices.append(Int32(j))
        data.append(a.scalars[i * columns + j])
      }
      indptr.append(Int32(data.count))
    }
    return (indptr, indices, data)
  }

  /// A random matrix of small integers with a random density, so that every product and sum
  /// is exact in `Float`.
  static func sparseIntegers(
    seed: UInt64, rows: ClosedRange<Int> = 0...9,
    columns: ClosedRange<Int> = 0...9
  ) -> Tensor {
    var generator = SplitMix64(seed: seed)
    let m = rows.lowerBound + generator.nextInt(below: rows.count)
    let n = columns.lowerBound + generator.nextInt(below: columns.count)
    let density = generator.nextUnitDouble()
    let scalars = (0..<m * n).map { _ -> Float in
      guard generator.nextUnitDouble() < density else { return 0 }
      let magnitude = Float(1 + generator.nextInt(below: 4))
      return generator.next() & 1 == 0 ? magnitude : -magnitude
    }
    return (try? Tensor(shape: [m, n], scalars: scalars)) ?? Tensor([])
  }

  /// A vector of small integers.
  static func integerVector(count: Int, seed: UInt64) -> [Float] {
    RandomData.grid(count: count, numerators: -4...4, seed: seed)
  }

  /// A dense matrix of small integers.
  static func integerMatrix(rows: Int, columns: Int, seed: UInt64) -> Tensor {
    (try? Tensor(shape: [rows, columns], scalars: integerVector(count: rows * columns, seed: seed)))
      ?? Tensor([])
  }

  /// Hand-built CSR arrays of a dense matrix that are valid but far from canonical: every row's
  /// entries shuffled, some values split into two duplicates, and explicit zeros sprinkled in.
  static func messyCSRArrays(
    of a: Tensor, seed: UInt64
  ) -> (indptr: [Int32], indices: [Int32], data: [Float]) {
    var generator = SplitMix64(seed: seed)
    let (rows, columns) = (a.shape[0], a.shape[1])
    var indptr: [Int32] = [0]
    var indices: [Int32] = []
    var data: [Float] = []
    for i in 0..<rows {
      var entries: [(Int32, Float)] = []
      for j in 0..<columns {
        let value = a.scalars[i * columns + j]
        if value != 0 {
          if generator.nextInt(below: 3) == 0 {
            let part = Float(generator.nextInt(below: 7) - 3)
            entries.append((Int32(j), part))
            entries.append((Int32(j), value - part))
          } else {
            entries.append((Int32(j), value))
          }
        }
        if generator.nextInt(below: 6) == 0 {
          entries.append((Int32(j), 0))
        }
      }
      generator.shuffle(&entries)
      indices += entries.map(\.0)
      data += entries.map(\.1)
      indptr.append(Int32(data.count))
    }
    return (indptr, indices, data)
  }

  /// Whether a row-compressed layout holds strictly increasing indices in each segment.
  static func strictlyIncreasing(indptr: [Int32], indices: [Int32]) -> Bool {
    for s in 0..<max(indptr.count - 1, 0) {
      let segment = indices[Int(indptr[s])..<Int(indptr[s + 1])]
      if zip(segment, segment.dropFirst()).contains(where: { $0 >= $1 }) { return false }
    }
    return true
  }
}

/// The CSR matrix of ``Oracle/messyCSRArrays(of:seed:)``, built with the checking initialiser
/// `CSRMatrix(rows:columns:indptr:indices:data:)`.
///
/// It lives outside ``Oracle`` because it calls the code under test.
///
/// - Parameters:
///   - dense: The matrix the arrays hold.
///   - seed: The seed of the arrays' shuffle, split duplicates and explicit zeros.
/// - Returns: The messy CSR matrix of `dense`.
/// - Throws: What the initialiser throws (it must not, for arrays this valid).
/// - Complexity: O(*n*) in the number of elements of `dense`.
func messyCSR(of dense: Tensor, seed: UInt64) throws -> CSRMatrix {
  let messy = Oracle.messyCSRArrays(of: dense, seed: seed)
  return try CSRMatrix(
    rows: dense.shape[0], columns: dense.shape[1], indptr: messy.indptr,
    indices: messy.indices, data: messy.data)
}

/// A random matrix of ``Oracle/sparseIntegers(seed:rows:columns:)`` and its messy CSR matrix
/// (``messyCSR(of:seed:)``).
///
/// - Parameters:
///   - seed: The seed of the dense matrix.
///   - shuffle: The seed of the CSR arrays' shuffle, split duplicates and explicit zeros.
/// - Returns: The dense matrix and its messy CSR matrix.
/// - Throws: What the initialiser throws (it must not, for arrays this valid).
/// - Complexity: O(*n*) in the number of elements of the matrix.
func messyCSR(seed: UInt64, shuffle: UInt64) throws -> (dense: Tensor, csr: CSRMatrix) {
  let dense = Oracle.sparseIntegers(seed: seed)
  return (dense, try messyCSR(of: dense, seed: shuffle))
}
