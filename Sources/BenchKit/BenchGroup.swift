/// The benchmarks `bench` runs, in the order it runs and prints them; `--only NAME` picks one.
public enum BenchGroup: String, CaseIterable, Hashable, Sendable, Codable {
  /// Threshold pruning of a large vector against a plain copy.
  case threshold
  /// Magnitude pruning to 90 % against a full sort.
  case magnitude
  /// CSR mat-vec against dense at several sparsities, and the break-even sparsity.
  case csr
  /// BSR (4×4 and 8×8 blocks) and 2:4 mat-vec against dense.
  case block
  /// k-means weight sharing to 16 and 256 clusters.
  case kmeans
  /// The Wanda mask and the SparseGPT update on one 1024 × 1024 layer.
  case oneshot

  /// The heading of the group's table.
  public var title: String {
    switch self {
    case .threshold: "Threshold pruning"
    case .magnitude: "Magnitude pruning to 90 %"
    case .csr: "CSR mat-vec against dense"
    case .block: "Block-sparse (BSR) and 2:4 mat-vec against dense"
    case .kmeans: "k-means weight sharing"
    case .oneshot: "One-shot pruning of one layer (Wanda, SparseGPT)"
    }
  }

  /// One line for `--help`: what the group times and which exercise it needs.
  public var summary: String {
    switch self {
    case .threshold: "pruneWeights(_:threshold:) against a plain copy (01 WeightPruning)"
    case .magnitude: "magnitudeMask to 90 % against a full sort (01 WeightPruning)"
    case .csr: "CSR against dense mat-vec at 50-99 %, break-even (04 SparseFormats)"
    case .block: "BSR 4x4 and 8x8 and 2:4 against dense mat-vec (05 BlockSparsity)"
    case .kmeans: "kMeansCodebook to 16 and 256 clusters (06 WeightSharing)"
    case .oneshot: "Wanda and SparseGPT on a 1024x1024 layer (08 OneShotPruning)"
    }
  }
}
