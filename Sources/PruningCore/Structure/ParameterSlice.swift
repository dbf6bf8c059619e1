/// One slice of a parameter tensor: an entry of a 1-D tensor, or a row or a column of a 2-D one.
///
/// A dependency group is a list of slices: everything that must go when one structural unit
/// (a head, an MLP neuron, a residual channel) is removed.
///
/// ```swift
/// let row = ParameterSlice(.weight(LinearLayerID(block: 0, kind: .query)), axis: 0, index: 2)
/// print(row)   // blocks.0.attention.query.weight row 2
/// ```
public struct ParameterSlice: Hashable, Sendable, CustomStringConvertible {
  /// The tensor sliced.
  public var tensor: ParameterTensorID

  /// The axis the index runs along: 0 for a row of a matrix or an entry of a vector, 1 for a
  /// column of a matrix.
  public var axis: Int

  /// The row, column or entry.
  public var index: Int

  /// Creates a slice.
  ///
  /// - Parameters:
  ///   - tensor: The tensor sliced.
  ///   - axis: 0 for a row or an entry, 1 for a column.
  ///   - index: The row, column or entry.
  public init(_ tensor: ParameterTensorID, axis: Int, index: Int) {
    self.tensor = tensor
    self.axis = axis
    self.index = index
  }

  /// Says which slice, e.g. `"blocks.0.mlp.down.weight column 5"`.
  public var description: String {
    let what: String
    switch tensor {
    case .weight, .tokenEmbedding, .positionEmbedding, .headWeight:
      what = axis == 0 ? "row" : "column"
    default:
      what = axis == 0 ? "entry" : "axis \(axis) index"
    }
    return "\(tensor) \(what) \(index)"
  }

  /// The flat (row-major) indices of the slice's scalars in a tensor of a shape.
  ///
  /// - Parameter shape: The tensor's shape, 1-D or 2-D.
  /// - Returns: The flat indices, ascending.
  /// - Throws: `PruningError.invalidDimension` when the axis is not one of the shape's;
  ///   `PruningError.indexOutOfRange` when the index is outside that axis.
  public func flatIndices(in shape: [Int]) throws(PruningError) -> [Int] {
    guard axis >= 0, axis < shape.count, shape.count <= 2 else {
      throw .invalidDimension(dimension: axis, rank: shape.count)
    }
    guard index >= 0, index < shape[axis] else {
      throw .indexOutOfRange(index: index, count: shape[axis])
    }
    if shape.count == 1 { return [index] }
    let (rows, columns) = (shape[0], shape[1])
    return axis == 0
      ? Array((index * columns)..<((index + 1) * columns))
      : (0..<rows).map { $0 * columns + index }
  }
}

extension TransformerLanguageModel {
  /// The model with every scalar of the slices set to zero: the *masked* model of structured
  /// pruning, with every shape unchanged.
  ///
  /// - Parameter slices: The slices to zero, e.g. one or more dependency groups.
  /// - Returns: The masked model.
  /// - Throws: `PruningError.indexOutOfRange` or `.invalidDimension` for a slice this model
  ///   does not have.
  /// - Complexity: O(*parameters* + *scalars in the slices*).
  public func zeroing(_ slices: [ParameterSlice]) throws(PruningError) -> TransformerLanguageModel {
    var byTensor: [ParameterTensorID: [Int]] = [:]
    for slice in slices {
      let shape = try tensor(slice.tensor).shape
      byTensor[slice.tensor, default: []] += try slice.flatIndices(in: shape)
    }
    var model = self
    for (id, indices) in byTensor {
      var scalars = try tensor(id).scalars
      for index in indices { scalars[index] = 0 }
      var zeroed = try tensor(id)
      try zeroed.setScalars(scalars)
      try model.replaceTensor(id, with: zeroed)
    }
    return model
  }
}
