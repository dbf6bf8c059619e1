import PruningCore

/// Removes hidden units between two dense layers for real: both layers are rebuilt smaller.
///
/// Hidden unit `j` of `layer` is row `j` of `layer.weight`, entry `j` of `layer.bias` and
/// column `j` of `next.weight`. The result keeps exactly the units in `units`, in the order
/// given: row `units[i]` and bias `units[i]` become row and bias `i` of the new first layer,
/// and column `units[i]` of `next.weight` becomes its column `i`. `next.bias` is unchanged.
/// Removing `m` of `H` units between layers of `in` inputs and `out` outputs removes exactly
/// `m · (in + 1 + out)` parameters.
///
/// The model's function is unchanged when every removed unit is dead: zero incoming weights
/// and zero bias output 0 through ReLU, so their outgoing weights never contributed. A removed
/// unit with zero weights but a positive bias outputs `relu(bias) > 0` for every input and
/// its removal changes the output.
///
/// ```swift
/// // layer: 2 inputs → 3 hidden units; next: 3 hidden → 1 output
/// let layer = try Dense(
///   weight: Tensor(rows: [[1, 0], [0, 0], [0, 1]]), bias: Tensor([0, 0, 0]))
/// let next = try Dense(weight: Tensor(rows: [[1, 5, 2]]), bias: Tensor([0.5]))
/// let (smaller, smallerNext) = try removeNeurons(from: layer, next: next, keeping: [0, 2])
/// smaller.weight       // [[1, 0], [0, 1]]      bias [0, 0]
/// smallerNext.weight   // [[1, 2]]              bias [0.5]
/// ```
///
/// - Parameters:
///   - layer: The layer whose output units are removed.
///   - next: The layer that reads `layer`'s outputs; `next.inputSize == layer.outputSize`.
///   - units: The hidden units to keep, distinct, each in `0..<layer.outputSize`, in the order
///     the new layers should hold them.
/// - Returns: The two rebuilt layers, with `units.count` hidden units between them.
/// - Throws: `PruningError.shapeMismatch(expected: [next.outputSize, layer.outputSize],
///   actual: next.weight.shape)` when `next` does not read `layer`'s outputs;
///   `PruningError.emptyInput("keeping")` when `units` is empty;
///   `PruningError.indexOutOfRange(index:count:)` for the first unit outside
///   `0..<layer.outputSize`; `PruningError.duplicateIndex` for the first unit listed twice.
/// - Complexity: O(*units* · (*in* + *out*)).
public func removeNeurons(
  from layer: Dense,
  next: Dense,
  keeping units: [Int]
) throws(PruningError) -> (layer: Dense, next: Dense) {
  // TODO: Check that next reads layer's outputs and that the unit list is valid, then build smaller
  // layers from the kept rows, biases and next-layer columns.
  throw .notImplemented("removeNeurons(from:next:keeping:)")
}
