import PruningCore

/// The storage of one layer after pruning, weight sharing and Huffman coding, next to its
/// dense size.
///
/// Every field is an exact count; ``deepCompressionSize(_:mask:indexBits:)`` defines the model.
public struct CompressedLayerSize: Hashable, Sendable {
  /// The dense layer in fp32: 4 bytes per element, pruned or not.
  public var denseBytes: Int

  /// The entries stored: the kept weights plus the filler zeros of the relative index.
  public var storedEntries: Int

  /// The Huffman-coded relative indices, in bits.
  public var indexStreamBits: Int

  /// The Huffman-coded weight codes (fillers included), in bits.
  public var codeStreamBits: Int

  /// The codebook: 32 bits per centroid.
  public var codebookBits: Int

  /// The three parts together, rounded up to whole bytes.
  public var compressedBytes: Int

  /// How many times smaller the compressed layer is: `denseBytes / compressedBytes`.
  public var compressionRatio: Double {
    Double(denseBytes) / Double(compressedBytes)
  }

  /// Creates a size breakdown from its counts.
  ///
  /// - Parameters:
  ///   - denseBytes: The dense fp32 size in bytes.
  ///   - storedEntries: The kept weights plus the fillers.
  ///   - indexStreamBits: The Huffman-coded relative indices, in bits.
  ///   - codeStreamBits: The Huffman-coded weight codes, in bits.
  ///   - codebookBits: The codebook, in bits.
  ///   - compressedBytes: The total, rounded up to whole bytes.
  public init(
    denseBytes: Int, storedEntries: Int, indexStreamBits: Int, codeStreamBits: Int,
    codebookBits: Int, compressedBytes: Int
  ) {
    self.denseBytes = denseBytes
    self.storedEntries = storedEntries
    self.indexStreamBits = indexStreamBits
    self.codeStreamBits = codeStreamBits
    self.codebookBits = codebookBits
    self.compressedBytes = compressedBytes
  }
}

/// Estimates one layer's size after Deep Compression's three stages, against dense fp32.
///
/// The layer was pruned (`mask`), its kept weights shared (`shared`, codes for the kept weights
/// in row-major order) and then Huffman-coded. The model, exactly:
///
/// 1. **Positions.** The kept weights' flat positions go through
///    ``relativeIndexEncode(_:bits:)`` with `indexBits`; `storedEntries` counts every entry,
///    fillers included.
/// 2. **Index stream.** `indexStreamBits` is ``huffmanTotalBits(_:)`` of how often each code
///    value `0..<2^indexBits` occurs among the entries' relative indices.
/// 3. **Code stream.** Each entry also stores a weight code: a kept weight its cluster
///    `0..<k`, a filler the extra symbol `k` (its value is zero, which the codebook does not
///    hold). `codeStreamBits` is ``huffmanTotalBits(_:)`` of the frequencies of these `k + 1`
///    symbols.
/// 4. **Codebook.** `codebookBits = 32 · k` (fp32 centroids).
/// 5. **Totals.** `compressedBytes = ⌈(indexStreamBits + codeStreamBits + codebookBits) / 8⌉`;
///    `denseBytes = 4 · mask.count`.
///
/// ```swift
/// // 16 weights, kept at 1, 4, 15 with codes [0, 1, 1]; 2 centroids; 3-bit relative indices.
/// // Entries: 1, 4, filler 12, 15 → relative codes [1, 2, 7, 2] → Huffman of {1, 2, 1} = 6 bits.
/// // Weight codes: [0, 1, filler, 1] → symbols {0: 1, 1: 2, 2: 1} → 6 bits. Codebook: 64 bits.
/// // 76 bits → 10 bytes, against 64 dense bytes: 6.4×.
/// let mask = Mask((0..<16).map { [1, 4, 15].contains($0) })
/// let size = try deepCompressionSize(
///   SharedWeights(centroids: [-0.5, 0.5], codes: [0, 1, 1]), mask: mask, indexBits: 3)
/// size.compressedBytes   // 10
/// ```
///
/// Overheads a real format adds (per-row pointers, headers, the Huffman tables themselves) are
/// left out.
///
/// - Parameters:
///   - shared: The codebook (`k` centroids) and one code per kept weight.
///   - mask: The pruning mask; `true` = kept. May keep nothing.
///   - indexBits: The width of a relative index, in `1...32`.
/// - Returns: The size breakdown.
/// - Throws: `PruningError.invalidBitWidth` when `indexBits` is outside `1...32`;
///   `PruningError.emptyInput("centroids")` for an empty codebook;
///   `PruningError.shapeMismatch(expected: [keptCount], actual: [codes.count])` when the
///   number of codes is not the number of kept weights;
///   `PruningError.indexOutOfRange(index: code, count: k)` for the first code outside the
///   codebook. Checked in this order.
/// - Complexity: O(*n* log *n* + *k* log *k*) for a mask of *n* elements and *k* centroids.
public func deepCompressionSize(_ shared: SharedWeights, mask: Mask, indexBits: Int)
  throws(PruningError) -> CompressedLayerSize
{
  // TODO: Validate, encode the kept positions, count the relative indices and the weight codes
  //   (fillers as symbol k), Huffman both, add the codebook, round up to bytes.
  throw .notImplemented("deepCompressionSize(_:mask:indexBits:)")
}
