/// Which weights of a tensor survive pruning: `true` where a weight is kept.
///
/// This is PyTorch's convention (`weight_mask` holds ones where weights are kept). A mask has
/// the shape of the tensor it applies to and stores one `Bool` per element, row-major.
///
/// ```swift
/// let mask = try Mask(shape: [4], isKept: [false, false, true, true])
/// mask.keptCount   // 2
/// mask.sparsity    // 0.5
/// ```
public struct Mask: Hashable, Sendable {
  /// The size of each dimension, as in the tensor the mask applies to.
  public let shape: [Int]

  /// One flag per element, row-major: `true` = kept, `false` = pruned.
  public private(set) var isKept: [Bool]

  /// Creates a mask from a shape and its row-major flags.
  ///
  /// - Parameters:
  ///   - shape: The size of each dimension; none may be negative.
  ///   - isKept: One flag per element; their count must be the product of `shape`.
  /// - Throws: `PruningError.invalidShape` when a dimension is negative or the count differs.
  public init(shape: [Int], isKept: [Bool]) throws(PruningError) {
    try Tensor.validate(shape, holding: isKept.count)
    self.shape = shape
    self.isKept = isKept
  }

  /// Creates a one-dimensional mask.
  ///
  /// - Parameter isKept: The flags; the shape is `[isKept.count]`.
  public init(_ isKept: [Bool]) {
    self.shape = [isKept.count]
    self.isKept = isKept
  }

  /// Creates a mask that keeps everything (or nothing) for a shape.
  ///
  /// - Parameters:
  ///   - keeping: The value of every flag; `true` keeps every weight.
  ///   - shape: The size of each dimension; none may be negative.
  /// - Throws: `PruningError.invalidShape` when a dimension is negative.
  public init(keeping: Bool = true, shape: [Int]) throws(PruningError) {
    let count = try Tensor.validatedElementCount(of: shape)
    self.shape = shape
    self.isKept = Array(repeating: keeping, count: count)
  }

  /// The number of elements.
  public var count: Int { isKept.count }

  /// The number of dimensions.
  public var rank: Int { shape.count }

  /// The number of kept elements.
  public var keptCount: Int { isKept.reduce(0) { $0 + ($1 ? 1 : 0) } }

  /// The number of pruned elements.
  public var prunedCount: Int { count - keptCount }

  /// The fraction of elements pruned, in `0...1`; 0 for an empty mask.
  public var sparsity: Double {
    count == 0 ? 0 : Double(prunedCount) / Double(count)
  }

  /// The fraction of elements kept, `1 − sparsity`; 1 for an empty mask.
  public var density: Double { 1 - sparsity }

  /// The flag at a flat (row-major) index.
  ///
  /// - Parameter flat: An index in `0..<count`.
  public subscript(flat flat: Int) -> Bool {
    get { isKept[flat] }
    set { isKept[flat] = newValue }
  }

  /// The flag at a multi-dimensional index.
  ///
  /// - Parameter indices: One index per dimension.
  public subscript(indices: Int...) -> Bool {
    get { isKept[Tensor.flatIndex(indices, in: shape)] }
    set { isKept[Tensor.flatIndex(indices, in: shape)] = newValue }
  }

  /// Returns the same flags under another shape with the same element count.
  ///
  /// - Parameter newShape: The new dimensions.
  /// - Returns: The reshaped mask.
  /// - Throws: `PruningError.invalidShape` when the element counts differ.
  public func reshaped(to newShape: [Int]) throws(PruningError) -> Mask {
    try Mask(shape: newShape, isKept: isKept)
  }
}
