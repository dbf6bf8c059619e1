import PruningCore

/// Every parameter slice that must be removed with one structural unit of a transformer: its
/// dependency group.
///
/// - A **head** `h` of block `b` (head dimension `d`) owns rows `h·d ..< (h+1)·d` of the query,
///   key and value weights and the same entries of their biases, and the same *columns* of the
///   output projection (which reads the heads' concatenated outputs).
/// - An MLP **neuron** `i` of block `b` owns row `i` of `mlpUp.weight`, entry `i` of
///   `mlpUp.bias` and column `i` of `mlpDown.weight`.
/// - A **residual channel** `c` is read or written by every part of the model: column `c` of
///   both embeddings; in every block entry `c` of both layer norms' γ and β, column `c` of the
///   query, key, value and `mlpUp` weights (they read the stream), row `c` and bias entry `c`
///   of the output and `mlpDown` projections (they write it); entry `c` of the final norm's γ
///   and β and column `c` of the head's weights.
///
/// The slices come in the order of ``TransformerLanguageModel/parameterTensorIDs`` (forward
/// order), and within one tensor by ascending index.
///
/// ```swift
/// // 2 heads of dimension 2: head 1 is rows 2 and 3 of Q, K, V and columns 2 and 3 of O.
/// let group = try dependencyGroup(of: .head(block: 0, index: 1), in: model)
/// ```
///
/// - Parameters:
///   - unit: The head, neuron or residual channel.
///   - model: The model.
/// - Returns: The slices of the unit's dependency group.
/// - Throws: `PruningError.indexOutOfRange` for a block, head, neuron or channel the model does
///   not have (the block is checked first).
/// - Complexity: O(*blocks* + *head dimension*).
public func dependencyGroup(
  of unit: StructuralUnit, in model: TransformerLanguageModel
) throws(PruningError) -> [ParameterSlice] {
  // TODO: Check the block, then the unit's index; list the rows, columns and entries each unit owns
  // (see the doc comment), in forward order.
  throw .notImplemented("dependencyGroup(of:in:)")
}
