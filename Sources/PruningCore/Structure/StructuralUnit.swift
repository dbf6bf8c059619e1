/// A unit of a transformer's structure that can be removed as a whole, with everything that
/// depends on it.
public enum StructuralUnit: Hashable, Sendable, CustomStringConvertible {
  /// Attention head `index` of a block.
  case head(block: Int, index: Int)
  /// Hidden unit `index` of a block's MLP.
  case neuron(block: Int, index: Int)
  /// Channel `index` of the residual stream (the embedding dimension), shared by every block.
  case residualChannel(Int)

  /// Says which unit, e.g. `"head 1 of block 0"`.
  public var description: String {
    switch self {
    case .head(let block, let index): return "head \(index) of block \(block)"
    case .neuron(let block, let index): return "neuron \(index) of block \(block)"
    case .residualChannel(let index): return "residual channel \(index)"
    }
  }
}
