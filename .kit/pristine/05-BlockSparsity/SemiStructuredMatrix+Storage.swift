import PruningCore

extension SemiStructuredMatrix {
  /// The bytes this matrix takes compressed: its values plus 2 bits per value, rounded up to
  /// whole bytes.
  ///
  /// `values.count · v + ⌈values.count · 2 / 8⌉`. Every group of four dense values (`4v`
  /// bytes) becomes two values and four bits of metadata.
  ///
  /// ```swift
  /// let c = try SemiStructuredMatrix(Tensor([0, -0.9, 0.5, 0, 0.3, 0.3, 0, 0]))
  /// try c.storageBytes(valueBytes: 2)  // 4 values · 2 B + 1 B of positions = 9 (dense: 16)
  /// ```
  ///
  /// - Parameter valueBytes: The bytes per value `v`: 2 for fp16 or bf16, 1 for int8.
  /// - Returns: The size in bytes.
  /// - Throws: `PruningError.invalidByteWidth` for `valueBytes < 1`.
  /// - Complexity: O(1).
  public func storageBytes(valueBytes: Int) throws(PruningError) -> Int {
    // TODO: Check the width; count the values plus 2 bits for each, rounded up to whole bytes.
    throw .notImplemented("SemiStructuredMatrix.storageBytes(valueBytes:)")
  }
}

/// The size of 2:4 compressed storage as a fraction of dense storage: `1/2 + 1/e` for `e`-bit
/// values.
///
/// Half of the values survive, and each carries 2 bits of position: per group of four, `2e + 4`
/// bits instead of `4e`. For fp16 or bf16 (2 bytes) that is 9/16 = 56.25 %; for int8, 10/16 =
/// 62.5 % (PyTorch's semi-structured sparsity docs give the same figures).
///
/// ```swift
/// try semiStructuredByteRatio(valueBytes: 2)  // 0.5625
/// try semiStructuredByteRatio(valueBytes: 1)  // 0.625
/// ```
///
/// - Parameter valueBytes: The bytes per value; at least 1.
/// - Returns: Compressed bytes ÷ dense bytes.
/// - Throws: `PruningError.invalidByteWidth` for `valueBytes < 1`.
/// - Complexity: O(1).
public func semiStructuredByteRatio(valueBytes: Int) throws(PruningError) -> Double {
  // TODO: Check the width; compare the bits of one compressed group of four with its dense bits.
  throw .notImplemented("semiStructuredByteRatio(valueBytes:)")
}
