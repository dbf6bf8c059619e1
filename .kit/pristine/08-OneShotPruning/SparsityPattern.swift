import PruningCore

/// Which weights of a layer one-shot pruning removes: a fraction of each row, or N:M groups.
///
/// `.unstructured(0.5)` prunes half of the weights; Wanda and magnitude pruning count it per
/// output row, SparseGPT per block of columns (see each function). `.nm(n: 2, m: 4)` keeps `n`
/// of every `m` consecutive inputs of each row: the 2:4 pattern Sparse Tensor Cores run twice as
/// fast, `n` counting the weights **kept** as in exercise 05.
public enum SparsityPattern: Hashable, Sendable {
  /// A fraction of the weights to prune, in `0...1`, turned into a count half to even.
  case unstructured(Double)
  /// Keep `n` of every `m` consecutive inputs of each row.
  case nm(n: Int, m: Int)
}

extension SparsityPattern: CustomStringConvertible {
  /// `50 % unstructured` or `2:4`.
  public var description: String {
    switch self {
    case .unstructured(let fraction):
      let percent = fraction * 100
      let text = percent == percent.rounded() ? "\(Int(percent))" : "\(percent)"
      return "\(text) % unstructured"
    case .nm(let n, let m):
      return "\(n):\(m)"
    }
  }
}

extension SparsityPattern {
  /// Checks the pattern against a layer with `inputCount` inputs.
  ///
  /// - Parameter inputCount: The length of each weight row, the layer's input count.
  /// - Throws: `PruningError.invalidAmount(.fraction(f))` for a fraction outside `0...1` or not
  ///   finite; `PruningError.invalidNMPattern(n:m:)` for `m < 1` or `n` outside `0...m` (so
  ///   `n > m` is rejected); `PruningError.indivisibleGroup(length: inputCount, groupSize: m)`
  ///   when `m` does not divide the input count.
  public func validate(inputCount: Int) throws(PruningError) {
    switch self {
    case .unstructured(let fraction):
      guard fraction.isFinite, (0...1).contains(fraction) else {
        throw .invalidAmount(.fraction(fraction))
      }
    case .nm(let n, let m):
      guard m >= 1, (0...m).contains(n) else { throw .invalidNMPattern(n: n, m: m) }
      guard inputCount.isMultiple(of: m) else {
        throw .indivisibleGroup(length: inputCount, groupSize: m)
      }
    }
  }
}
