import PruningCore

/// The layers a set of masks empties completely.
///
/// A layer with no weight left passes nothing but its biases on: the network's output no longer
/// depends on its input, and no amount of training brings it back (a pruned weight stays zero).
///
/// ```swift
/// try emptyLayers([mask("█·/··"), mask("··/··")])   // [1]
/// ```
///
/// - Parameter masks: One mask per layer, `[out, in]`, input side first; each layer's `out`
///   is the next layer's `in`.
/// - Returns: The indices of the masks that keep nothing, ascending.
/// - Throws: `PruningError.emptyInput("masks")` for no mask; `PruningError.rankMismatch`
///   (expected 2) for a mask that is not a matrix; `PruningError.shapeMismatch` (expected
///   `[out]` of one layer, actual `[in]` of the next) where two neighbours do not chain.
/// - Complexity: O(*n*) for *n* flags in all.
public func emptyLayers(_ masks: [Mask]) throws(PruningError) -> [Int] {
  // TODO: Check the masks chain like an MLP's layers; list the masks that keep nothing.
  throw .notImplemented("emptyLayers(_:)")
}

/// Whether a set of masks disconnects the network: no path of kept weights from any input to
/// any output.
///
/// This is *layer collapse* in Tanaka et al.'s sense, and a little more: an empty layer cuts
/// every path, but so does, say, a first layer whose kept weights all feed hidden units that
/// have no kept outgoing weight. Walk the layers from the input: a unit is reached when a kept
/// weight connects it to a reached unit of the layer before (every input is reached). The
/// network is collapsed when no output unit is reached.
///
/// ```swift
/// // 2 inputs → 2 hidden → 2 outputs; mask("█·/··") keeps only hidden 0 ← input 0.
/// try isCollapsed([mask("█·/··"), mask("█·/··")])   // false: input 0 → hidden 0 → output 0
/// try isCollapsed([mask("█·/··"), mask("·█/··")])   // true: output 0 reads only hidden 1,
///                                                   // which nothing reaches
/// ```
///
/// - Parameter masks: One mask per layer, `[out, in]`, input side first.
/// - Returns: `true` when no output is reachable from the input through kept weights.
/// - Throws: The errors of ``emptyLayers(_:)``.
/// - Complexity: O(*n*) for *n* flags in all.
public func isCollapsed(_ masks: [Mask]) throws(PruningError) -> Bool {
  // TODO: Check the masks; walk from the inputs (all reached) layer by layer; collapsed when no
  // output is reached.
  throw .notImplemented("isCollapsed(_:)")
}
