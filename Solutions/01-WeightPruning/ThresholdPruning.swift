import PruningCore

/// Zeroes every weight whose magnitude is below a threshold.
///
/// This is the source article's first coding problem (实现神经网络权重剪枝): keep `w` where
/// `|w| >= threshold` and write `0` elsewhere. The comparison is strict, so a weight exactly at
/// the threshold survives, as with numpy's `np.abs(w) < threshold` mask.
///
/// ```swift
/// let w = Tensor([0.3, -0.05, 0.8, -0.6])
/// try pruneWeights(w, threshold: 0.5)   // [0, 0, 0.8, -0.6]
/// ```
///
/// - Parameters:
///   - weights: The weights to prune; any shape.
///   - threshold: The smallest magnitude that survives; finite and not negative.
/// - Returns: A tensor of the same shape, with pruned entries set to zero.
/// - Throws: `PruningError.invalidThreshold` for a negative or non-finite threshold;
///   `PruningError.nonFiniteWeight` for the first NaN or infinite weight.
/// - Complexity: O(*n*) for *n* weights.
public func pruneWeights(_ weights: Tensor, threshold: Float) throws(PruningError) -> Tensor {
  guard threshold.isFinite, threshold >= 0 else { throw .invalidThreshold(threshold) }
  // One pass, eight weights at a time, on the bit patterns: with the sign bit cleared, the
  // bits of a finite float compare as integers exactly as its magnitude does (subnormals
  // included), so `|w| < threshold` is an integer subtraction whose sign bit, spread over the
  // lane, zeroes the weight. NaN and ±∞ are the magnitudes above the largest finite one; they
  // are only noted here. No branch, no bounds check, no per-element call.
  //
  // The output is written from the end to the start, as glibc's `memcpy` writes an array this
  // size on the bench's Linux machine, where filling the new array's fresh pages costs less in
  // that order (the exercise README's fast path).
  let count = weights.count
  let cutBits = (threshold == 0 ? 0 : threshold).bitPattern  // -0 compares as +0
  let cut = SIMD8<Int32>(repeating: Int32(bitPattern: cutBits))
  let signCleared = SIMD8<UInt32>(repeating: 0x7FFF_FFFF)
  let largestFinite = SIMD8<UInt32>(repeating: Float.greatestFiniteMagnitude.bitPattern)
  var nonFinite = SIMD8<UInt32>()  // a lane's top bit is set once it has seen NaN or ±∞
  let pruned = weights.scalars.withUnsafeBufferPointer { input in
    [Float](unsafeUninitializedCapacity: count) { output, initializedCount in
      var i = count
      // The last `count % 8` weights one by one, then blocks of eight down to the first.
      while i % 8 != 0 {
        i -= 1
        let w = input[i]
        if !w.isFinite { nonFinite[0] = 0x8000_0000 }
        output.initializeElement(at: i, to: abs(w) < threshold ? 0 : w)
      }
      // Raw buffers, not bare pointers: a debug build checks every offset against the buffer.
      let source = UnsafeRawBufferPointer(input)
      let destination = UnsafeMutableRawBufferPointer(output)
      while i > 0 {
        i -= 8
        let bits = source.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<UInt32>.self)
        let magnitude = bits & signCleared
        nonFinite |= largestFinite &- magnitude
        let difference = SIMD8<Int32>(truncatingIfNeeded: magnitude) &- cut
        let below = SIMD8<UInt32>(truncatingIfNeeded: difference &>> 31)  // all ones: pruned
        destination.storeBytes(of: bits & ~below, toByteOffset: i * 4, as: SIMD8<UInt32>.self)
      }
      initializedCount = count
    }
  }
  let sawNonFinite = (nonFinite & SIMD8(repeating: 0x8000_0000)) != SIMD8()
  // Rare path: find the first bad weight and report its position.
  if sawNonFinite { try weights.validateFinite() }
  return try Tensor(shape: weights.shape, scalars: pruned)
}
