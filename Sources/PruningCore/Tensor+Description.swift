extension Tensor: CustomStringConvertible {
  /// The shape and the elements, a row a line for a 2-D tensor.
  public var description: String {
    guard rank == 2, shape[0] > 0 else {
      return "Tensor(shape: \(shape), \(scalars))"
    }
    let columns = shape[1]
    let rows = (0..<shape[0]).map { row in
      "  "
        + scalars[(row * columns)..<((row + 1) * columns)].map { "\($0)" }.joined(separator: ", ")
    }
    return "Tensor(shape: \(shape)\n" + rows.joined(separator: "\n") + ")"
  }
}
