import PruningCore

/// The bits one code needs to name one of `k` clusters: `⌈log2 k⌉`.
///
/// Codes are stored at a whole number of bits, so a codebook that is not a power of two
/// rounds up: 4 clusters need 2 bits, 5 need 3. One cluster needs **0** bits: every weight
/// has the same value and no code is stored (`log2 1 = 0`).
///
/// ```swift
/// try bitsPerCode(clusters: 4)     // 2
/// try bitsPerCode(clusters: 5)     // 3
/// try bitsPerCode(clusters: 256)   // 8  (AlexNet's conv layers in Deep Compression)
/// try bitsPerCode(clusters: 1)     // 0
/// ```
///
/// - Parameter clusters: The codebook size `k`, at least 1.
/// - Returns: The smallest `b >= 0` with `2^b >= k`.
/// - Throws: `PruningError.invalidClusterCount` when `clusters < 1`.
public func bitsPerCode(clusters: Int) throws(PruningError) -> Int {
  // TODO: Find the smallest number of bits b with 2^b >= clusters (0 for one cluster).
  throw .notImplemented("bitsPerCode(clusters:)")
}

/// Deep Compression's compression ratio for weight sharing alone.
///
/// `n` weights of `b` bits each become `n` codes of `⌈log2 k⌉` bits (see
/// ``bitsPerCode(clusters:)``) plus a codebook of `k` values of `b` bits, so the ratio is
/// `r = n · b / (n · ⌈log2 k⌉ + k · b)`.
///
/// ```swift
/// // Deep Compression's example: 16 weights, 32 bits, 4 clusters → 512 / (32 + 128)
/// try sharingCompressionRatio(weightCount: 16, bitsPerWeight: 32, clusters: 4)   // 3.2
/// ```
///
/// With `k = 1` the codes cost nothing and `r = n`. Pruning is not part of this formula: it
/// counts every one of the `n` weights as stored.
///
/// - Parameters:
///   - weightCount: The number of weights `n`, at least 1.
///   - bitsPerWeight: The width `b` of an uncompressed weight (and of a centroid), in `1...32`.
///   - clusters: The codebook size `k`, at least 1.
/// - Returns: The original size divided by the shared size.
/// - Throws: `PruningError.emptyInput("weights")` when `weightCount < 1`;
///   `PruningError.invalidBitWidth` when `bitsPerWeight` is outside `1...32`;
///   `PruningError.invalidClusterCount` when `clusters < 1`. Checked in this order.
public func sharingCompressionRatio(weightCount: Int, bitsPerWeight: Int, clusters: Int)
  throws(PruningError) -> Double
{
  // TODO: Validate, then divide n·b by n·bitsPerCode(k) + k·b.
  throw .notImplemented("sharingCompressionRatio(weightCount:bitsPerWeight:clusters:)")
}
