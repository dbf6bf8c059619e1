import PruningCore

/// Masks the weights with the smallest magnitudes, pruning exactly the requested number.
///
/// This is PyTorch's `l1_unstructured`: the number to prune is ``pruneCount(_:of:)`` of the
/// tensor's element count, and the weights are ranked by `(|w|, flat index)` ascending, so among
/// equal magnitudes the lower index is pruned first. Weights that are already zero are
/// candidates like any other.
///
/// ```swift
/// try magnitudeMask(Tensor([0.1, -0.5, 0.3, -0.05, 0.8, 0.2]), amount: .fraction(0.5))
/// // [F, T, T, F, T, F]
/// try magnitudeMask(Tensor([0.2, -0.2, 0.2, 0.5]), amount: .count(2))
/// // [F, F, T, T]: the tie at 0.2 prunes indices 0 and 1
/// ```
///
/// - Parameters:
///   - weights: The weights to rank; any shape.
///   - amount: How many to prune: a fraction of all weights or a count.
/// - Returns: A mask of the weights' shape, `false` for exactly the pruned weights.
/// - Throws: `PruningError.nonFiniteWeight` for a NaN or infinite weight; the errors of
///   ``pruneCount(_:of:)`` for a bad amount.
/// - Complexity: O(*n*) on average with a selection; O(*n* log *n*) with a sort.
public func magnitudeMask(_ weights: Tensor, amount: PruningAmount) throws(PruningError) -> Mask {
  try weights.validateFinite()
  let k = try pruneCount(amount, of: weights.count)
  let magnitudes = weights.scalars.map { abs($0) }
  let pruned = smallest(k, of: magnitudes)
  return try Mask(shape: weights.shape, isKept: pruned.map { !$0 })
}

/// Prunes further from an existing mask: the amount applies to the surviving weights only.
///
/// This is how PyTorch composes two prunings of one tensor (`PruningContainer`): the new
/// method ranks only the entries the old mask keeps, and the result is the old mask AND the new
/// one, so a mask only ever loses entries. A fraction is a fraction of the survivors.
///
/// ```swift
/// let w = Tensor([0.1, -0.5, 0.3, -0.05, 0.8, 0.2])
/// let first = try magnitudeMask(w, amount: .fraction(0.5))        // [F, T, T, F, T, F]
/// try magnitudeMask(w, amount: .fraction(0.5), previous: first)    // [F, F, F, F, T, F]
/// ```
///
/// - Parameters:
///   - weights: The weights to rank; any shape.
///   - amount: How many of the surviving weights to prune.
///   - previous: The mask from earlier rounds; the same shape as `weights`.
/// - Returns: A mask that keeps a subset of what `previous` keeps.
/// - Throws: `PruningError.shapeMismatch` when the mask's shape differs from the weights';
///   `PruningError.nonFiniteWeight` for a NaN or infinite weight; the errors of
///   ``pruneCount(_:of:)``, counted against the surviving weights.
/// - Complexity: O(*n*) on average with a selection.
public func magnitudeMask(
  _ weights: Tensor,
  amount: PruningAmount,
  previous: Mask
) throws(PruningError) -> Mask {
  guard previous.shape == weights.shape else {
    throw .shapeMismatch(expected: weights.shape, actual: previous.shape)
  }
  try weights.validateFinite()
  let survivors = previous.isKept.indices.filter { previous.isKept[$0] }
  let k = try pruneCount(amount, of: survivors.count)
  let pruned = smallest(k, of: survivors.map { abs(weights.scalars[$0]) })
  var isKept = previous.isKept
  for (position, index) in survivors.enumerated() where pruned[position] {
    isKept[index] = false
  }
  return try Mask(shape: weights.shape, isKept: isKept)
}

/// Flags the `k` smallest values, ranked by `(value, index)`, so ties flag lower indices first.
///
/// It selects the `k`-th smallest value `t` in expected linear time (Hoare's quickselect), flags
/// everything below `t`, then flags values equal to `t` from the lowest index until `k` are
/// flagged.
///
/// - Parameters:
///   - k: How many to flag, in `0...values.count`.
///   - values: The scores; all finite.
/// - Returns: One flag per value, `true` for the `k` smallest.
/// - Complexity: O(*n*) on average.
func smallest(_ k: Int, of values: [Float]) -> [Bool] {
  var flags = Array(repeating: false, count: values.count)
  guard k > 0 else { return flags }
  var scratch = values
  let threshold = select(rank: k - 1, in: &scratch)
  var remainingAtThreshold = k - values.reduce(0) { $0 + ($1 < threshold ? 1 : 0) }
  for (index, value) in values.enumerated() {
    if value < threshold {
      flags[index] = true
    } else if value == threshold, remainingAtThreshold > 0 {
      flags[index] = true
      remainingAtThreshold -= 1
    }
  }
  return flags
}

/// The value that would stand at `rank` if `values` were sorted ascending (quickselect).
///
/// - Parameters:
///   - rank: A position in `0..<values.count`.
///   - values: The values; reordered in place.
/// - Returns: The `rank`-th smallest value.
/// - Complexity: O(*n*) on average.
private func select(rank: Int, in values: inout [Float]) -> Float {
  var low = 0
  var high = values.count - 1
  while low < high {
    let pivot = medianOfThree(values[low], values[(low + high) / 2], values[high])
    var i = low
    var j = high
    while i <= j {
      while values[i] < pivot { i += 1 }
      while values[j] > pivot { j -= 1 }
      if i <= j {
        values.swapAt(i, j)
        i += 1
        j -= 1
      }
    }
    if rank <= j {
      high = j
    } else if rank >= i {
      low = i
    } else {
      return values[rank]
    }
  }
  return values[rank]
}

private func medianOfThree(_ a: Float, _ b: Float, _ c: Float) -> Float {
  max(min(a, b), min(max(a, b), c))
}
