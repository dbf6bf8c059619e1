import PruningCore

/// A layer's shared weights: a small codebook of centroids and one code per clustered weight.
///
/// Weight sharing (Deep Compression's "trained quantization") replaces every weight by the
/// index of a shared value. A layer then stores `codes` (⌈log2 k⌉ bits each) plus the `k`
/// centroids once, instead of one 32-bit float per weight. Code `i` stands for
/// `centroids[i]`.
///
/// `codes` lists the clustered weights in row-major order: every weight when no mask was given,
/// only the kept weights when one was (Deep Compression clusters only the survivors of pruning;
/// the pruned ones are not stored at all).
///
/// ```swift
/// let shared = SharedWeights(centroids: [-0.95, 0.15, 0.95], codes: [0, 0, 1, 1, 2, 2])
/// shared.centroids[shared.codes[3]]   // 0.15, the shared value of weight 3
/// ```
public struct SharedWeights: Hashable, Sendable {
  /// The shared values, one per cluster; cluster `i` is `centroids[i]`.
  public var centroids: [Float]

  /// One cluster index per clustered weight, row-major; each in `0..<centroids.count`.
  public var codes: [Int]

  /// Creates shared weights from a codebook and codes.
  ///
  /// Nothing is validated here; the functions that read shared weights check the codes.
  ///
  /// - Parameters:
  ///   - centroids: The shared values, one per cluster.
  ///   - codes: One cluster index per clustered weight, row-major.
  public init(centroids: [Float], codes: [Int]) {
    self.centroids = centroids
    self.codes = codes
  }
}
