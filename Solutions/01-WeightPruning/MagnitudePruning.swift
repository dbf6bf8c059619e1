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
  let histogram = weights.scalars.withUnsafeBufferPointer(magnitudeHistogram)
  if hasNonFinite(histogram) { try weights.validateFinite() }
  let k = try pruneCount(amount, of: weights.count)
  let isKept = weights.scalars.withUnsafeBufferPointer { values in
    keptFlags(pruning: k, ofMagnitudesIn: values, histogram: histogram)
  }
  return try Mask(shape: weights.shape, isKept: isKept)
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
  let pruned = smallest(k, of: survivors.map { weights.scalars[$0] })
  var isKept = previous.isKept
  for (position, index) in survivors.enumerated() where pruned[position] {
    isKept[index] = false
  }
  return try Mask(shape: weights.shape, isKept: isKept)
}

/// The sign-cleared bit pattern of a float: for finite values it orders exactly as `|w|`
/// does, and `+0` and `-0` both map to 0, as `abs` makes them equal.
@inline(__always)
private func magnitudeBits(_ value: Float) -> UInt32 {
  value.bitPattern & 0x7FFF_FFFF
}

/// How many magnitudes fall in each of the 32,768 buckets of their top 15 bits (the exponent
/// and 7 bits of mantissa; the sign bit is cleared), the first pass of
/// ``keptFlags(pruning:ofMagnitudesIn:histogram:)``.
///
/// The histogram doubles as the finiteness check: a NaN or infinity has an all-ones exponent,
/// so it lands in one of the last 128 buckets (``hasNonFinite(_:)``).
///
/// - Parameter values: The weights, whose magnitudes are counted.
/// - Returns: 32,768 counts.
/// - Complexity: O(*n*).
func magnitudeHistogram(_ values: UnsafeBufferPointer<Float>) -> [Int] {
  var counts = [Int](repeating: 0, count: 1 << 15)
  counts.withUnsafeMutableBufferPointer { count in
    for value in values {
      count[Int(magnitudeBits(value) >> 16)] += 1
    }
  }
  return counts
}

/// Whether a histogram from ``magnitudeHistogram(_:)`` counted a NaN or an infinity.
func hasNonFinite(_ histogram: [Int]) -> Bool {
  histogram[0x7F80...].contains { $0 > 0 }
}

/// Flags the `k` smallest magnitudes, ranked by `(|value|, index)`, so ties flag lower indices
/// first.
///
/// - Parameters:
///   - k: How many to flag, in `0...values.count`.
///   - values: The weights or scores; all finite. Only their magnitudes are read.
/// - Returns: One flag per value, `true` for the `k` smallest.
/// - Complexity: O(*n*).
func smallest(_ k: Int, of values: [Float]) -> [Bool] {
  keptFlags(pruning: k, of: values).map { !$0 }
}

/// Which values survive when the `k` smallest magnitudes are pruned, ranked by
/// `(|value|, index)`, so among equal magnitudes the lower indices are pruned first.
///
/// - Parameters:
///   - k: How many to prune, in `0...values.count`.
///   - values: The weights or scores; all finite. Only their magnitudes are read.
/// - Returns: One flag per value, `false` for the `k` pruned.
/// - Complexity: O(*n*).
func keptFlags(pruning k: Int, of values: [Float]) -> [Bool] {
  values.withUnsafeBufferPointer { buffer in
    keptFlags(pruning: k, ofMagnitudesIn: buffer, histogram: magnitudeHistogram(buffer))
  }
}

/// Which weights survive when the `k` smallest magnitudes are pruned, ranked by
/// `(|w|, index)`: a radix select on the magnitudes' bits.
///
/// For finite floats that are not negative, the bit pattern read as an unsigned integer sorts
/// exactly as the value does, so the `k`-th smallest magnitude can be found 15 + 8 + 8 bits
/// at a time, like a radix sort that only ever follows one bucket:
///
/// 1. `histogram` counts the top 15 bits of every magnitude; a running sum over its 32,768
///    buckets finds the bucket `b` that holds rank `k − 1` and how many magnitudes lie below it.
/// 2. One pass settles every weight outside `b` (kept when its top bits exceed `b`, pruned
///    when they are below) and notes the positions of the weights inside `b`, without a
///    branch: every position is written, only members advance the cursor. Unless the data
///    are very skewed, `b` holds a small fraction of the weights.
/// 3. Among the members, a histogram of the next 8 bits and one of the last 8 bits pin the
///    exact bit pattern `t` of the `k`-th smallest magnitude. Members above `t` are kept,
///    members below it pruned, and the members equal to `t`, visited in index order, are
///    pruned until exactly `k` are: the tie rule, exact.
///
/// Two passes over the weights, no sort, no partition and no copy of the magnitudes.
///
/// - Parameters:
///   - k: How many to prune, in `0...values.count`.
///   - values: The weights; all finite. Only their magnitudes are read.
///   - histogram: ``magnitudeHistogram(_:)`` of `values`.
/// - Returns: One flag per weight, `false` for the `k` pruned.
/// - Complexity: O(*n*).
func keptFlags(
  pruning k: Int, ofMagnitudesIn values: UnsafeBufferPointer<Float>, histogram: [Int]
) -> [Bool] {
  guard k > 0 else { return Array(repeating: true, count: values.count) }
  let rank = k - 1
  // 1. The bucket of the top 15 bits that holds `rank`.
  var below = 0
  var top = 0
  while below + histogram[top] <= rank {
    below += histogram[top]
    top += 1
  }
  // 2. Settle everything outside the bucket; note the members' positions (one spare slot).
  let bucket = UInt32(top)
  var positions = [Int](repeating: 0, count: histogram[top] + 1)
  var isKept = [Bool](unsafeUninitializedCapacity: values.count) { output, initializedCount in
    positions.withUnsafeMutableBufferPointer { position in
      var count = 0
      for i in values.indices {
        let digit = magnitudeBits(values[i]) >> 16
        output[i] = digit > bucket
        position[count] = i
        count += digit == bucket ? 1 : 0
      }
    }
    initializedCount = values.count
  }
  positions.removeLast()
  // 3. The exact pattern `t` among the members, then the members themselves.
  let members = positions.map { magnitudeBits(values[$0]) }
  let middle = selectBucket(of: members, rank: rank - below, shift: 8, below: &below)
  let low = selectBucket(
    of: members.filter { ($0 >> 8) & 0xFF == middle }, rank: rank - below, shift: 0,
    below: &below)
  let threshold = bucket << 16 | middle << 8 | low
  var tiesToPrune = k - below
  for (position, bits) in zip(positions, members) {
    if bits > threshold {
      isKept[position] = true
    } else if bits == threshold {
      if tiesToPrune > 0 { tiesToPrune -= 1 } else { isKept[position] = true }
    }
  }
  return isKept
}

/// The 8-bit digit at `shift` that holds `rank` among `members`, adding the count of members
/// whose digit is smaller to `below`.
private func selectBucket(of members: [UInt32], rank: Int, shift: UInt32, below: inout Int)
  -> UInt32
{
  var counts = [Int](repeating: 0, count: 256)
  for bits in members {
    counts[Int((bits >> shift) & 0xFF)] += 1
  }
  var digit = 0
  var before = 0
  while before + counts[digit] <= rank {
    before += counts[digit]
    digit += 1
  }
  below += before
  return UInt32(digit)
}
