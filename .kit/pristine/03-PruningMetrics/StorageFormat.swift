/// A way to store a weight tensor, for comparing model sizes in bytes.
///
/// Values are 32-bit floats (4 bytes) and indices 32-bit integers (4 bytes), scipy's CSR
/// default. The exact byte counts are in ``storageBytes(shape:nonZeroCount:format:)``.
public enum StorageFormat: String, CaseIterable, Hashable, Sendable {
  /// Every element, zero or not: what a masked model saved as it is costs.
  case dense
  /// Compressed sparse rows: the non-zero values, their column indices and one row pointer per
  /// row plus one, with the tensor viewed as a matrix `[shape[0], rest]`.
  case csr
  /// One bit per element saying whether it is non-zero, then the non-zero values.
  case bitmask
}
