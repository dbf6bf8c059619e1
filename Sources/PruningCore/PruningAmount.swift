/// How much to prune: a fraction of the candidates or an exact number of them.
///
/// This mirrors PyTorch's `amount` argument: a float is a fraction in `0...1`, an int a count.
/// Turning a fraction into a count is part of exercise 01.
public enum PruningAmount: Hashable, Sendable {
  /// A fraction of the candidates, in `0...1`.
  case fraction(Double)
  /// An exact number of candidates, `0...n`.
  case count(Int)
}

extension PruningAmount: CustomStringConvertible {
  /// `.fraction(0.5)` or `.count(3)`.
  public var description: String {
    switch self {
    case .fraction(let fraction): return ".fraction(\(fraction))"
    case .count(let count): return ".count(\(count))"
    }
  }
}
