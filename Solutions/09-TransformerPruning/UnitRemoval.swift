import PruningCore

/// Builds the smaller model that has the units physically removed: every slice of every unit's
/// dependency group is cut out, so each tensor the units touch loses rows, columns or entries.
///
/// Heads and neurons may be removed from any block; blocks may end with different head counts
/// and MLP widths. The result computes exactly what the model with the same groups zeroed
/// computes (``TransformerLanguageModel/zeroing(_:)``) for heads and neurons. A removed
/// residual channel is *not* the same as a zeroed one: the layer norms' mean and variance run
/// over one channel fewer.
///
/// ```swift
/// let smaller = try removeUnits(
///   [.head(block: 0, index: 1), .neuron(block: 1, index: 7)], from: model)
/// smaller.blocks[0].headCount   // one fewer than model.blocks[0].headCount
/// ```
///
/// - Parameters:
///   - units: The heads, neurons and residual channels to remove, each at most once; the
///     indices are the given model's.
///   - model: The model to shrink.
/// - Returns: The smaller model; the kept units stay in their order.
/// - Throws: `PruningError.indexOutOfRange` for a unit the model does not have (as
///   ``dependencyGroup(of:in:)``); `PruningError.invalidArgument` for a unit given twice;
///   `PruningError.removesEveryUnit` when the units include every head of a block
///   (`"heads of block b"`), every neuron of a block (`"neurons of block b"`) or every residual
///   channel (`"residual channels"`); the errors of ``TransformerLanguageModel/validate()``.
/// - Complexity: O(*parameters*).
public func removeUnits(
  _ units: [StructuralUnit], from model: TransformerLanguageModel
) throws(PruningError) -> TransformerLanguageModel {
  try model.validate()
  var seen: Set<StructuralUnit> = []
  var removedRows: [ParameterTensorID: Set<Int>] = [:]
  var removedColumns: [ParameterTensorID: Set<Int>] = [:]
  for unit in units {
    let group = try dependencyGroup(of: unit, in: model)
    guard seen.insert(unit).inserted else {
      throw .invalidArgument("\(unit) is listed more than once")
    }
    for slice in group {
      if slice.axis == 0 {
        removedRows[slice.tensor, default: []].insert(slice.index)
      } else {
        removedColumns[slice.tensor, default: []].insert(slice.index)
      }
    }
  }
  for (b, block) in model.blocks.enumerated() {
    let heads = seen.filter { if case .head(b, _) = $0 { true } else { false } }.count
    if heads == block.headCount {
      throw .removesEveryUnit(units: "heads of block \(b)", count: block.headCount)
    }
    let neurons = seen.filter { if case .neuron(b, _) = $0 { true } else { false } }.count
    if neurons == block.mlpWidth {
      throw .removesEveryUnit(units: "neurons of block \(b)", count: block.mlpWidth)
    }
  }
  let channels = seen.filter { if case .residualChannel = $0 { true } else { false } }.count
  if channels == model.width {
    throw .removesEveryUnit(units: "residual channels", count: model.width)
  }
  var smaller = model
  for id in Set(removedRows.keys).union(removedColumns.keys) {
    let tensor = try model.tensor(id)
    let rows = removedRows[id] ?? []
    let columns = removedColumns[id] ?? []
    let shape = tensor.shape
    let keptRows = (0..<shape[0]).filter { !rows.contains($0) }
    let sliced: Tensor
    if shape.count == 1 {
      sliced = Tensor(keptRows.map { tensor[flat: $0] })
    } else {
      let keptColumns = (0..<shape[1]).filter { !columns.contains($0) }
      var scalars: [Float] = []
      scalars.reserveCapacity(keptRows.count * keptColumns.count)
      for r in keptRows {
        for c in keptColumns { scalars.append(tensor[r, c]) }
      }
      sliced = try Tensor(shape: [keptRows.count, keptColumns.count], scalars: scalars)
    }
    try smaller.replaceTensor(id, with: sliced)
  }
  try smaller.validate()
  return smaller
}
