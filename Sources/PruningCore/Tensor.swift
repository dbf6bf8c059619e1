/// A dense, row-major tensor of 32-bit floats: a shape and its elements.
///
/// The last dimension varies fastest, as in PyTorch and numpy: a `[2, 3]` tensor stores
/// `[a00, a01, a02, a10, a11, a12]`. Rank 0 (a scalar, shape `[]`) through any rank is
/// allowed; the exercises use 1-D, 2-D (a `Dense` weight is `[out, in]`) and 4-D (a `Conv2D`
/// weight is `[out, in, kh, kw]`).
///
/// ```swift
/// let w = try Tensor(shape: [2, 2], scalars: [0.3, -0.05, 0.8, -0.6])
/// w[1, 0]          // 0.8
/// w.rank           // 2
/// ```
public struct Tensor: Hashable, Sendable {
  /// The size of each dimension, outermost first.
  public let shape: [Int]

  /// The elements in row-major order; `scalars.count` is the product of `shape`.
  public private(set) var scalars: [Float]

  /// Creates a tensor from a shape and its row-major elements.
  ///
  /// - Parameters:
  ///   - shape: The size of each dimension; none may be negative.
  ///   - scalars: The elements, row-major; their count must be the product of `shape`.
  /// - Throws: `PruningError.invalidShape` when a dimension is negative or the count differs.
  public init(shape: [Int], scalars: [Float]) throws(PruningError) {
    try Self.validate(shape, holding: scalars.count)
    self.shape = shape
    self.scalars = scalars
  }

  /// Creates a tensor whose shape and element count the caller has already checked.
  init(checkedShape shape: [Int], scalars: [Float]) {
    assert(Self.elementCount(of: shape) == scalars.count)
    self.shape = shape
    self.scalars = scalars
  }

  /// Creates a one-dimensional tensor.
  ///
  /// - Parameter scalars: The elements; the shape is `[scalars.count]`.
  public init(_ scalars: [Float]) {
    self.shape = [scalars.count]
    self.scalars = scalars
  }

  /// Creates a two-dimensional tensor from its rows.
  ///
  /// An empty array gives shape `[0, 0]`.
  ///
  /// - Parameter rows: The rows, each of the same length.
  /// - Throws: `PruningError.shapeMismatch` when a row's length differs from the first row's.
  public init(rows: [[Float]]) throws(PruningError) {
    let columns = rows.first?.count ?? 0
    for row in rows where row.count != columns {
      throw .shapeMismatch(expected: [columns], actual: [row.count])
    }
    self.shape = [rows.count, columns]
    self.scalars = rows.flatMap { $0 }
  }

  /// Creates a tensor with every element equal to one value.
  ///
  /// - Parameters:
  ///   - value: The value of every element.
  ///   - shape: The size of each dimension; none may be negative.
  /// - Throws: `PruningError.invalidShape` when a dimension is negative.
  public init(repeating value: Float, shape: [Int]) throws(PruningError) {
    let count = try Self.validatedElementCount(of: shape)
    self.shape = shape
    self.scalars = Array(repeating: value, count: count)
  }

  /// Creates a tensor of zeros.
  ///
  /// - Parameter shape: The size of each dimension; none may be negative.
  /// - Throws: `PruningError.invalidShape` when a dimension is negative.
  public init(zeros shape: [Int]) throws(PruningError) {
    try self.init(repeating: 0, shape: shape)
  }

  /// The number of elements, the product of `shape`.
  public var count: Int { scalars.count }

  /// The number of dimensions.
  public var rank: Int { shape.count }

  /// Whether the tensor has no elements.
  public var isEmpty: Bool { scalars.isEmpty }

  /// The element at a multi-dimensional index.
  ///
  /// Like `Array`'s subscript, an index out of range traps; validate first where input comes
  /// from outside.
  ///
  /// - Parameter indices: One index per dimension.
  public subscript(indices: Int...) -> Float {
    get { scalars[flatIndex(indices)] }
    set { scalars[flatIndex(indices)] = newValue }
  }

  /// The element at a flat (row-major) index.
  ///
  /// - Parameter flat: An index in `0..<count`.
  public subscript(flat flat: Int) -> Float {
    get { scalars[flat] }
    set { scalars[flat] = newValue }
  }

  /// Replaces the elements, keeping the shape.
  ///
  /// - Parameter newScalars: The new elements, row-major.
  /// - Throws: `PruningError.invalidShape` when the count differs from `count`.
  public mutating func setScalars(_ newScalars: [Float]) throws(PruningError) {
    guard newScalars.count == scalars.count else {
      throw .invalidShape(shape: shape, scalarCount: newScalars.count)
    }
    scalars = newScalars
  }

  /// Returns a tensor with the same elements and shape whose elements went through a closure.
  ///
  /// - Parameter transform: The function applied to each element.
  /// - Returns: A tensor of the same shape.
  public func map(_ transform: (Float) -> Float) -> Tensor {
    var copy = self
    for i in copy.scalars.indices {
      copy.scalars[i] = transform(copy.scalars[i])
    }
    return copy
  }

  /// Returns the same elements under another shape with the same element count.
  ///
  /// - Parameter newShape: The new dimensions.
  /// - Returns: The reshaped tensor.
  /// - Throws: `PruningError.invalidShape` when the element counts differ.
  public func reshaped(to newShape: [Int]) throws(PruningError) -> Tensor {
    try Tensor(shape: newShape, scalars: scalars)
  }

  /// The row-major flat index of a multi-dimensional index.
  ///
  /// - Parameter indices: One index per dimension, each in range.
  /// - Returns: The position in `scalars`.
  public func flatIndex(_ indices: [Int]) -> Int {
    Self.flatIndex(indices, in: shape)
  }

  /// The multi-dimensional index of a flat (row-major) index.
  ///
  /// - Parameter flat: An index in `0..<count`.
  /// - Returns: One index per dimension.
  public func position(ofFlatIndex flat: Int) -> [Int] {
    Self.position(ofFlatIndex: flat, in: shape)
  }

  /// Throws for the first element that is NaN or infinite.
  ///
  /// - Throws: `PruningError.nonFiniteWeight` with the element's position and kind.
  /// - Complexity: O(*n*).
  public func validateFinite() throws(PruningError) {
    for (flat, value) in scalars.enumerated() {
      if let kind = NonFiniteKind(value) {
        throw .nonFiniteWeight(position: position(ofFlatIndex: flat), kind: kind)
      }
    }
  }

  /// The product of the dimensions of a shape (1 for a scalar's empty shape).
  ///
  /// - Parameter shape: The dimensions.
  /// - Returns: The number of elements.
  public static func elementCount(of shape: [Int]) -> Int {
    shape.reduce(1, *)
  }
}

// The row-major arithmetic of shapes, shared by `Tensor` and `Mask`.
extension Tensor {
  /// The multi-dimensional index of a flat (row-major) index in a shape.
  ///
  /// This inverts the numbering in which `Tensor` and `Mask` store their elements: in a
  /// `[2, 3]` shape, flat index 4 is `[1, 1]`. A dimension of size 0 gets index 0.
  ///
  /// - Parameters:
  ///   - flat: An index in `0..<elementCount(of: shape)`.
  ///   - shape: The size of each dimension.
  /// - Returns: One index per dimension.
  /// - Complexity: O(*r*), where *r* is the number of dimensions.
  public static func position(ofFlatIndex flat: Int, in shape: [Int]) -> [Int] {
    var remainder = flat
    var position = Array(repeating: 0, count: shape.count)
    for dimension in shape.indices.reversed() where shape[dimension] > 0 {
      position[dimension] = remainder % shape[dimension]
      remainder /= shape[dimension]
    }
    return position
  }

  /// The row-major flat index of a multi-dimensional index in a shape; traps when the index
  /// has the wrong rank or a component out of range.
  static func flatIndex(_ indices: [Int], in shape: [Int]) -> Int {
    precondition(
      indices.count == shape.count, "expected \(shape.count) indices, got \(indices.count)")
    var flat = 0
    for (index, size) in zip(indices, shape) {
      precondition(index >= 0 && index < size, "index \(index) out of range 0..<\(size)")
      flat = flat * size + index
    }
    return flat
  }

  /// Throws unless no dimension of a shape is negative and the shape holds `count` elements.
  static func validate(_ shape: [Int], holding count: Int) throws(PruningError) {
    guard shape.allSatisfy({ $0 >= 0 }), elementCount(of: shape) == count else {
      throw .invalidShape(shape: shape, scalarCount: count)
    }
  }

  /// The element count of a shape, after checking that no dimension is negative (the error
  /// then reports 0 elements).
  static func validatedElementCount(of shape: [Int]) throws(PruningError) -> Int {
    guard shape.allSatisfy({ $0 >= 0 }) else {
      throw .invalidShape(shape: shape, scalarCount: 0)
    }
    return elementCount(of: shape)
  }
}
