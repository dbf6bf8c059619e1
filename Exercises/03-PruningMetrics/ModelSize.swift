import PruningCore

/// The bytes a tensor of a given shape with a given number of non-zeros takes in a format.
///
/// With `n` elements, `nnz` non-zeros, 4-byte values and 4-byte indices:
///
/// | format | bytes |
/// |---|---|
/// | `.dense` | `4 · n` |
/// | `.csr` | `nnz · (4 + 4) + (rows + 1) · 4` |
/// | `.bitmask` | `⌈n / 8⌉ + 4 · nnz` (the bits rounded up to whole bytes) |
///
/// For CSR the tensor is viewed as a matrix `[rows, n / rows]` with `rows = shape[0]`: a
/// `Dense` weight `[out, in]` as it is, a `Conv2D` weight `[out, in, kh, kw]` as
/// `[out, in · kh · kw]`. A rank-0 or rank-1 tensor (a bias) is one row.
///
/// ```swift
/// // A [4, 8] weight with 8 non-zeros (75 % sparse):
/// try storageBytes(shape: [4, 8], nonZeroCount: 8, format: .dense)     // 128
/// try storageBytes(shape: [4, 8], nonZeroCount: 8, format: .csr)       // 64 + 20 = 84
/// try storageBytes(shape: [4, 8], nonZeroCount: 8, format: .bitmask)   // 4 + 32 = 36
/// // scipy's break-even: a 1000 × 1000 CSR matrix is smaller than dense below 499_500 non-zeros.
/// try storageBytes(shape: [1000, 1000], nonZeroCount: 499_499, format: .csr)   // 3_999_996
/// ```
///
/// - Parameters:
///   - shape: The tensor's shape; no dimension negative.
///   - nonZeroCount: The number of non-zero elements, in `0...n`.
///   - format: The storage format.
/// - Returns: The size in bytes.
/// - Throws: `PruningError.invalidShape` (with `scalarCount` 0) for a negative dimension;
///   `PruningError.nonZeroCountOutOfRange` for a count outside `0...n`.
/// - Complexity: O(*rank*).
public func storageBytes(
  shape: [Int],
  nonZeroCount: Int,
  format: StorageFormat
) throws(PruningError) -> Int {
  // TODO: Validate the shape and the count, then apply the formula of the format.
  throw .notImplemented("storageBytes(shape:nonZeroCount:format:)")
}

/// The bytes a tensor takes in a format, counting its non-zero elements.
///
/// ```swift
/// try storageBytes(of: Tensor([0, 2, 0, 0, 3, 0, 0, 4]), format: .csr)   // 3 · 8 + 2 · 4 = 32
/// ```
///
/// - Parameters:
///   - tensor: The tensor; NaN and infinities count as non-zero.
///   - format: The storage format.
/// - Returns: ``storageBytes(shape:nonZeroCount:format:)`` for the tensor's shape and non-zeros.
/// - Throws: No error for any tensor; it throws only so that the stub can report
///   `PruningError.notImplemented`.
/// - Complexity: O(*n*).
public func storageBytes(of tensor: Tensor, format: StorageFormat) throws(PruningError) -> Int {
  // TODO: Count the non-zero elements and use the formula for the tensor's shape.
  throw .notImplemented("storageBytes(of:format:)")
}

/// The bytes a model's trainable parameters take when every parameter tensor is stored on its
/// own in a format.
///
/// The tensors are those ``parameterCount(of:)`` counts: a `Dense` or `Conv2D` layer's weight
/// and bias, a `BatchNorm`'s γ and β. So the dense size is 4 bytes per parameter, and pruning
/// with a mask leaves it unchanged.
///
/// ```swift
/// // Dense 3 → 2, weight [[0.5, 0, -1], [0, 0, 2]], bias [0, 1]:
/// try modelSize(of: model, format: .dense)     // 24 + 8 = 32
/// try modelSize(of: model, format: .csr)       // (24 + 12) + (8 + 8) = 52
/// try modelSize(of: model, format: .bitmask)   // (1 + 12) + (1 + 4) = 18
/// ```
///
/// - Parameters:
///   - model: The model.
///   - format: The storage format of every parameter tensor.
/// - Returns: The total size in bytes (0 for a model without parameters).
/// - Throws: No error for any model; it throws only so that the stub can report
///   `PruningError.notImplemented`.
/// - Complexity: O(*p*) for *p* parameters.
public func modelSize(of model: Sequential, format: StorageFormat) throws(PruningError) -> Int {
  // TODO: Add up the bytes of every tensor in every layer's `parameters`, each on its own.
  throw .notImplemented("modelSize(of:format:)")
}

/// The format that stores a tensor of a given shape and sparsity in the fewest bytes.
///
/// The number of zeros is `n · sparsity` rounded half to even (the kit's rule for turning a
/// fraction into a count; `0.0625 · 8 = 0.5` gives 0 zeros). Among formats of equal size the
/// earlier in `StorageFormat.allCases` wins: dense, then CSR, then bitmask.
///
/// ```swift
/// try smallestFormat(shape: [1000, 1000], sparsity: 0)      // .dense
/// try smallestFormat(shape: [1000, 1000], sparsity: 0.5)    // .bitmask (2_125_000 B)
/// try smallestFormat(shape: [1000, 1000], sparsity: 0.99)   // .csr (84_004 B)
/// ```
///
/// - Parameters:
///   - shape: The tensor's shape; no dimension negative.
///   - sparsity: The fraction of zeros, in `0...1`.
/// - Returns: The smallest format.
/// - Throws: `PruningError.invalidAmount(.fraction(sparsity))` for a sparsity outside `0...1`
///   or not finite; `PruningError.invalidShape` (with `scalarCount` 0) for a negative dimension.
/// - Complexity: O(*rank*).
public func smallestFormat(shape: [Int], sparsity: Double) throws(PruningError) -> StorageFormat {
  // TODO: Validate, turn the sparsity into a zero count (half to even), then compare the formats in
  // allCases order.
  throw .notImplemented("smallestFormat(shape:sparsity:)")
}
