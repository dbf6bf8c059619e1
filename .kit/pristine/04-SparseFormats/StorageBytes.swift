import PruningCore

/// A sparse storage format, for counting bytes.
public enum SparseFormat: String, CaseIterable, Hashable, Sendable {
  /// Coordinates: a value, a row index and a column index per stored entry.
  case coo
  /// Compressed sparse rows: a value and a column index per entry, plus `rows + 1` row pointers.
  case csr
  /// Compressed sparse columns: a value and a row index per entry, plus `columns + 1` column
  /// pointers.
  case csc
}

/// The bytes a dense matrix takes: one value per element.
///
/// ```swift
/// try denseBytes(rows: 1000, columns: 1000)  // 4_000_000 (float32)
/// ```
///
/// - Parameters:
///   - rows: The number of rows `M`; not negative.
///   - columns: The number of columns `N`; not negative.
///   - valueBytes: The bytes per value `v`: 4 for float32, 2 for float16.
/// - Returns: `M · N · v`.
/// - Throws: `PruningError.invalidShape(shape: [rows, columns], scalarCount: 0)` for a negative
///   dimension; `PruningError.invalidByteWidth` for `valueBytes < 1`.
/// - Complexity: O(1).
public func denseBytes(rows: Int, columns: Int, valueBytes: Int = 4) throws(PruningError) -> Int {
  // TODO: Validate the shape and the width, then count one value per element.
  throw .notImplemented("denseBytes(rows:columns:valueBytes:)")
}

/// The bytes a sparse format takes for an `M × N` matrix with `nnz` stored entries.
///
/// With `v` bytes per value and `i` per index (scipy: float32 and int32, so 4 and 4):
///
/// | format | bytes |
/// |---|---|
/// | COO | `nnz · (v + 2i)` |
/// | CSR | `nnz · (v + i) + (M + 1) · i` |
/// | CSC | `nnz · (v + i) + (N + 1) · i` |
///
/// ```swift
/// try storageBytes(.csr, rows: 1000, columns: 1000, nonZeros: 499_499)  // 3_999_996
/// try storageBytes(.csr, rows: 1000, columns: 1000, nonZeros: 499_500)  // 4_000_004
/// try storageBytes(.coo, rows: 3, columns: 4, nonZeros: 3)              // 36
/// ```
///
/// - Parameters:
///   - format: The sparse format.
///   - rows: The number of rows `M`; not negative.
///   - columns: The number of columns `N`; not negative.
///   - nonZeros: The number of stored entries, in `0...M·N`.
///   - valueBytes: The bytes per value `v`.
///   - indexBytes: The bytes per index or pointer `i`.
/// - Returns: The size in bytes.
/// - Throws: `PruningError.invalidShape(shape: [rows, columns], scalarCount: 0)` for a negative
///   dimension; `PruningError.invalidByteWidth` for a width below 1 (`valueBytes` is checked
///   first); `PruningError.nonZeroCountOutOfRange` for `nonZeros` outside `0...M·N`.
/// - Complexity: O(1).
public func storageBytes(
  _ format: SparseFormat,
  rows: Int,
  columns: Int,
  nonZeros: Int,
  valueBytes: Int = 4,
  indexBytes: Int = 4
) throws(PruningError) -> Int {
  // TODO: Validate the shape, the widths and the count, then apply the format's row of the
  // table.
  throw .notImplemented("storageBytes(_:rows:columns:nonZeros:valueBytes:indexBytes:)")
}

/// The largest number of stored entries at which a sparse format is strictly smaller than
/// dense storage of the same matrix.
///
/// Solve `nnz · perEntry + fixed < M · N · v` for the largest integer `nnz` (see
/// ``storageBytes(_:rows:columns:nonZeros:valueBytes:indexBytes:)`` for the two costs). For
/// 1000 × 1000 float32 with int32 indices, CSR pays off up to 499,499 entries (3,999,996 B
/// against 4,000,000 B); at 499,500 it takes 4,000,004 B. Below about 50 % density, not
/// "whenever the matrix is sparse".
///
/// ```swift
/// try breakEvenNonZeros(.csr, rows: 1000, columns: 1000)  // 499_499
/// try breakEvenNonZeros(.coo, rows: 3, columns: 3)        // 2 (24 B < 36 B; 3 would tie)
/// try breakEvenNonZeros(.csr, rows: 1, columns: 1)        // nil: 8 B even when empty
/// ```
///
/// - Parameters:
///   - format: The sparse format.
///   - rows: The number of rows `M`; not negative.
///   - columns: The number of columns `N`; not negative.
///   - valueBytes: The bytes per value `v`.
///   - indexBytes: The bytes per index or pointer `i`.
/// - Returns: The largest such `nnz` (never above `M · N`), or `nil` when even an empty matrix
///   is not smaller than dense.
/// - Throws: `PruningError.invalidShape(shape: [rows, columns], scalarCount: 0)` for a negative
///   dimension; `PruningError.invalidByteWidth` for a width below 1 (`valueBytes` first).
/// - Complexity: O(1).
public func breakEvenNonZeros(
  _ format: SparseFormat,
  rows: Int,
  columns: Int,
  valueBytes: Int = 4,
  indexBytes: Int = 4
) throws(PruningError) -> Int? {
  // TODO: Write the format's size as nnz * perEntry + fixed and find the largest whole nnz
  // that stays strictly below the dense size (or nil).
  throw .notImplemented("breakEvenNonZeros(_:rows:columns:valueBytes:indexBytes:)")
}

/// The density below which a sparse format is smaller than dense storage.
///
/// The real number `d*` at which the two sizes are equal,
/// `d* = (M · N · v − fixed) / (perEntry · M · N)`, so the format is strictly smaller exactly
/// when `nnz / (M · N) < d*`. It is 0 when the format never pays off (and for an empty
/// matrix). For large matrices CSR's `d*` approaches `v / (v + i)`: 1/2 with float32 and
/// int32, 1/3 with int64 indices (PyTorch's default); COO's is `v / (v + 2i)`: 1/3 with int32.
///
/// ```swift
/// try breakEvenDensity(.csr, rows: 1000, columns: 1000)  // 0.4994995
/// try breakEvenDensity(.coo, rows: 1000, columns: 1000)  // 0.3333…
/// ```
///
/// - Parameters:
///   - format: The sparse format.
///   - rows: The number of rows `M`; not negative.
///   - columns: The number of columns `N`; not negative.
///   - valueBytes: The bytes per value `v`.
///   - indexBytes: The bytes per index or pointer `i`.
/// - Returns: `d*` in `0..<1`.
/// - Throws: `PruningError.invalidShape(shape: [rows, columns], scalarCount: 0)` for a negative
///   dimension; `PruningError.invalidByteWidth` for a width below 1 (`valueBytes` first).
/// - Complexity: O(1).
public func breakEvenDensity(
  _ format: SparseFormat,
  rows: Int,
  columns: Int,
  valueBytes: Int = 4,
  indexBytes: Int = 4
) throws(PruningError) -> Double {
  // TODO: Solve nnz * perEntry + fixed = dense size for nnz, divide by the element count,
  // and return 0 when that is not positive.
  throw .notImplemented("breakEvenDensity(_:rows:columns:valueBytes:indexBytes:)")
}
