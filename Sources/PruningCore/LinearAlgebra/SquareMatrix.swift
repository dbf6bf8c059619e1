/// A dense, row-major square matrix of 64-bit floats, for the linear algebra of calibration.
///
/// Second-order pruning (Optimal Brain Surgeon, SparseGPT) works with the Hessian of a layer's
/// reconstruction error, `H = 2XXᵀ`, and its inverse. Those are sums over thousands of tokens
/// and a Cholesky factorisation divides by their pivots, so they are kept in `Double` while
/// weights stay `Float`.
///
/// ```swift
/// let h = try SquareMatrix(dimension: 2, scalars: [4, 2, 2, 3])
/// h[1, 0]          // 2
/// h.diagonal       // [4, 3]
/// ```
public struct SquareMatrix: Hashable, Sendable {
  /// The number of rows, which is also the number of columns.
  public let dimension: Int

  /// The elements in row-major order; `scalars.count` is `dimension²`.
  public internal(set) var scalars: [Double]

  /// Creates a matrix from its dimension and row-major elements.
  ///
  /// - Parameters:
  ///   - dimension: The number of rows and columns; not negative.
  ///   - scalars: The elements, row-major; `dimension²` of them.
  /// - Throws: `PruningError.invalidShape` when the dimension is negative or the count differs.
  public init(dimension: Int, scalars: [Double]) throws(PruningError) {
    guard dimension >= 0, dimension * dimension == scalars.count else {
      throw .invalidShape(shape: [dimension, dimension], scalarCount: scalars.count)
    }
    self.dimension = dimension
    self.scalars = scalars
  }

  /// Creates a diagonal matrix.
  ///
  /// - Parameter diagonal: The diagonal entries; the dimension is their count.
  public init(diagonal: [Double]) {
    let n = diagonal.count
    var scalars = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      scalars[i * n + i] = diagonal[i]
    }
    self.dimension = n
    self.scalars = scalars
  }

  /// The element at a row and column.
  ///
  /// Like `Array`'s subscript, an index out of range traps.
  ///
  /// - Parameters:
  ///   - row: A row in `0..<dimension`.
  ///   - column: A column in `0..<dimension`.
  public subscript(row: Int, column: Int) -> Double {
    get { scalars[row * dimension + column] }
    set { scalars[row * dimension + column] = newValue }
  }

  /// The diagonal entries, top left to bottom right.
  public var diagonal: [Double] {
    (0..<dimension).map { scalars[$0 * dimension + $0] }
  }

  /// Returns the matrix with a value added to every diagonal entry (`A + λI`).
  ///
  /// - Parameter value: The value added.
  /// - Returns: The shifted matrix.
  /// - Complexity: O(*n*²) for the copy.
  public func addingToDiagonal(_ value: Double) -> SquareMatrix {
    var copy = self
    for i in 0..<dimension {
      copy.scalars[i * dimension + i] += value
    }
    return copy
  }

  /// The matrix as a `Float` tensor of shape `[dimension, dimension]`.
  public var tensor: Tensor {
    (try? Tensor(shape: [dimension, dimension], scalars: scalars.map { Float($0) })) ?? Tensor([])
  }
}
