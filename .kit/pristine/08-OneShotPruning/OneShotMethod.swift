/// The one-shot pruning methods exercise 08 compares: no retraining, at most a calibration pass.
public enum OneShotMethod: String, Hashable, Sendable, CaseIterable {
  /// The baseline: prune the smallest `|w|` of each row; no calibration data.
  case magnitude
  /// Wanda (Sun et al. 2023): prune the smallest `|w_ij|·‖X_j‖₂` of each row; no weight update.
  case wanda
  /// SparseGPT (Frantar & Alistarh 2023): choose the mask by `w²/[U]_jj²` block by block and
  /// update the surviving weights to absorb each pruned weight's error.
  case sparseGPT

  /// The method's name as the papers write it.
  public var name: String {
    switch self {
    case .magnitude: return "magnitude"
    case .wanda: return "Wanda"
    case .sparseGPT: return "SparseGPT"
    }
  }
}
