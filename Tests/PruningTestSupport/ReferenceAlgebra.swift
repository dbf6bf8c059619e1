import PruningCore

/// Reference linear algebra and masking, written out element by element in `Double`.
public enum ReferenceAlgebra {
  /// The dense product `A · x`, row by row, accumulated in `Double`.
  ///
  /// - Parameters:
  ///   - a: A matrix `[rows, columns]` (a vector counts as one row).
  ///   - x: A vector of `columns` values.
  /// - Returns: The `rows` values of the product, each rounded once to `Float`.
  public static func matVec(_ a: Tensor, _ x: [Float]) -> [Float] {
    let columns = a.shape.last ?? 0
    let rows = a.rank == 2 ? a.shape[0] : 1
    return (0..<rows).map { i in
      Float((0..<columns).reduce(0.0) { $0 + Double(a.scalars[i * columns + $1]) * Double(x[$1]) })
    }
  }

  /// A matrix as rows of `Double`.
  ///
  /// - Parameter tensor: A matrix `[rows, columns]`.
  /// - Returns: `rows` arrays of `columns` values.
  public static func rows(_ tensor: Tensor) -> [[Double]] {
    let columns = tensor.shape[1]
    return (0..<tensor.shape[0]).map { r in
      (0..<columns).map { Double(tensor.scalars[r * columns + $0]) }
    }
  }

  /// `w ⊙ keep`: the weights with every pruned entry set to an exact zero.
  ///
  /// - Parameters:
  ///   - weights: The weights.
  ///   - keep: One flag per weight, flat, `true` = kept.
  /// - Returns: A tensor of the weights' shape.
  public static func masked(_ weights: Tensor, keeping keep: [Bool]) -> Tensor {
    let scalars = zip(weights.scalars, keep).map { $1 ? $0 : 0 }
    return (try? Tensor(shape: weights.shape, scalars: scalars)) ?? Tensor([])
  }

  /// `w ⊙ m`: the weights with every entry the mask prunes set to an exact zero.
  ///
  /// - Parameters:
  ///   - weights: The weights.
  ///   - mask: The mask, of the weights' shape.
  /// - Returns: A tensor of the weights' shape.
  public static func masked(_ weights: Tensor, _ mask: Mask) -> Tensor {
    masked(weights, keeping: mask.isKept)
  }
}
