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
  let magnitudes = try finiteMagnitudes(of: weights)
  let k = try pruneCount(amount, of: weights.count)
  return try Mask(shape: weights.shape, isKept: keptFlags(pruning: k, of: magnitudes))
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
  let magnitudes = try finiteMagnitudes(of: weights)
  let survivors = previous.isKept.indices.filter { previous.isKept[$0] }
  let k = try pruneCount(amount, of: survivors.count)
  let pruned = smallest(k, of: survivors.map { magnitudes[$0] })
  var isKept = previous.isKept
  for (position, index) in survivors.enumerated() where pruned[position] {
    isKept[index] = false
  }
  return try Mask(shape: weights.shape, isKept: isKept)
}

/// The magnitudes `|w|` of the weights, row-major, after checking that every weight is finite.
///
/// One pass over contiguous memory computes the magnitudes and notes any NaN or infinity; only
/// then, on that rare path, does `validateFinite()` look for the first bad weight's position.
///
/// - Parameter weights: The weights.
/// - Returns: One magnitude per weight.
/// - Throws: `PruningError.nonFiniteWeight` for the first NaN or infinite weight.
/// - Complexity: O(*n*).
func finiteMagnitudes(of weights: Tensor) throws(PruningError) -> [Float] {
  var sawNonFinite = false
  let magnitudes = weights.scalars.withUnsafeBufferPointer { input in
    [Float](unsafeUninitializedCapacity: input.count) { output, initializedCount in
      var nonFiniteBits: UInt32 = 0  // a bitwise OR of 32-bit flags vectorises; `||` does not
      for i in input.indices {
        nonFiniteBits |= input[i].isFinite ? 0 : 1
        output[i] = abs(input[i])
      }
      sawNonFinite = nonFiniteBits != 0
      initializedCount = input.count
    }
  }
  if sawNonFinite { try weights.validateFinite() }
  return magnitudes
}

/// Flags the `k` smallest values, ranked by `(value, index)`, so ties flag lower indices first.
///
/// - Parameters:
///   - k: How many to flag, in `0...values.count`.
///   - values: The scores; all finite.
/// - Returns: One flag per value, `true` for the `k` smallest.
/// - Complexity: O(*n*) on average.
func smallest(_ k: Int, of values: [Float]) -> [Bool] {
  keptFlags(pruning: k, of: values).map { !$0 }
}

/// Which values survive when the `k` smallest are pruned, ranked by `(value, index)`, so
/// among equal values the lower indices are pruned first.
///
/// It finds the `k`-th smallest value `t` in expected linear time (``kthSmallest(rank:of:)``)
/// and keeps everything above `t`. That prunes every value equal to `t`, possibly more than
/// `k` in all, so the highest-index values equal to `t` are kept again until exactly `k` are
/// pruned. The loops write into uninitialised storage rather than calling `map`, which checks
/// capacity on every element and so cannot be vectorised.
///
/// - Parameters:
///   - k: How many to prune, in `0...values.count`.
///   - values: The scores; all finite.
/// - Returns: One flag per value, `false` for the `k` pruned.
/// - Complexity: O(*n*) on average.
func keptFlags(pruning k: Int, of values: [Float]) -> [Bool] {
  guard k > 0 else { return Array(repeating: true, count: values.count) }
  let threshold = kthSmallest(rank: k - 1, of: values)
  var isKept = values.withUnsafeBufferPointer { input in
    [Bool](unsafeUninitializedCapacity: input.count) { output, initializedCount in
      for i in input.indices {
        output[i] = input[i] > threshold
      }
      initializedCount = input.count
    }
  }
  var excess = isKept.count(where: { !$0 }) - k
  var index = values.count
  while excess > 0 {
    index -= 1
    if values[index] == threshold {
      isKept[index] = true
      excess -= 1
    }
  }
  return isKept
}

/// The value that would stand at `rank` if `values` were sorted ascending.
///
/// Selection by sampling (the idea behind Floyd and Rivest's SELECT). Sorting 16,384 evenly
/// spaced values is cheap, and the sample's own ranks tell where the answer lies: two sample
/// values a safe margin below and above position `rank / n` of the sample bracket it. One pass
/// over all the values then counts those below the bracket and collects the few inside it
/// (about 3 % of them), and a quickselect among those few finishes the job. Should the
/// sample be unlucky and the answer fall outside the bracket, a quickselect over all the
/// values still finds it, only more slowly. Small inputs go straight to quickselect.
///
/// - Parameters:
///   - rank: A position in `0..<values.count`.
///   - values: The values; all finite.
/// - Returns: The `rank`-th smallest value.
/// - Complexity: O(*n*) on average.
func kthSmallest(rank: Int, of values: [Float]) -> Float {
  let sampleSize = 16_384
  guard values.count >= 8 * sampleSize else {
    var scratch = values
    return select(rank: rank, in: &scratch)
  }
  let step = values.count / sampleSize
  let sample = (0..<sampleSize).map { values[$0 * step] }.sorted()
  // The sample position of `rank` varies by at most about √sampleSize / 2 (one standard
  // deviation); the margin is four of those on each side.
  let expected = Int(Double(rank) / Double(values.count) * Double(sampleSize))
  let margin = 2 * Int(Double(sampleSize).squareRoot())
  let lower = sample[max(expected - margin, 0)]
  let upper = sample[min(expected + margin, sampleSize - 1)]

  var below = 0
  var inside: [Float] = []
  for value in values {
    if value < lower {
      below += 1
    } else if value <= upper {
      inside.append(value)
    }
  }
  guard below <= rank, rank < below + inside.count else {
    var scratch = values
    return select(rank: rank, in: &scratch)
  }
  return select(rank: rank - below, in: &inside)
}

/// The value that would stand at `rank` if `values` were sorted ascending (quickselect).
///
/// Each round partitions the current range around the median of its first, middle and last
/// values (Hoare's scheme: scan inwards from both ends, swapping pairs that sit on the wrong
/// side), then keeps only the side that holds `rank`. The loops run on an unsafe buffer
/// pointer: the indices stay in range by construction, so the per-access bounds checks of an
/// array would only slow the hot loop down.
///
/// - Parameters:
///   - rank: A position in `0..<values.count`.
///   - values: The values; reordered in place.
/// - Returns: The `rank`-th smallest value.
/// - Complexity: O(*n*) on average.
private func select(rank: Int, in values: inout [Float]) -> Float {
  values.withUnsafeMutableBufferPointer { v in
    var low = 0
    var high = v.count - 1
    while low < high {
      let pivot = medianOfThree(v[low], v[(low + high) / 2], v[high])
      var i = low
      var j = high
      while i <= j {
        while v[i] < pivot { i += 1 }
        while v[j] > pivot { j -= 1 }
        if i <= j {
          v.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if rank <= j {
        high = j
      } else if rank >= i {
        low = i
      } else {
        return v[rank]
      }
    }
    return v[rank]
  }
}

private func medianOfThree(_ a: Float, _ b: Float, _ c: Float) -> Float {
  max(min(a, b), min(max(a, b), c))
}
