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
  // One pass over contiguous memory: write each weight or 0, and note whether any weight is
  // NaN or infinite. No closure call per element, no bounds checks and no branches, so the
  // compiler vectorises the loop and it runs at nearly the speed of a plain copy.
  var sawNonFinite = false
  let pruned = weights.scalars.withUnsafeBufferPointer { input in
    [Float](unsafeUninitializedCapacity: input.count) { output, initializedCount in
      var nonFiniteBits: UInt32 = 0  // a bitwise OR of 32-bit flags vectorises; `||` does not
      for i in input.indices {
        let w = input[i]
        nonFiniteBits |= w.isFinite ? 0 : 1
        output[i] = abs(w) < threshold ? 0 : w
      }
      sawNonFinite = nonFiniteBits != 0
      initializedCount = input.count
    }
  }
  // Rare path: find the first bad weight and report its position.
  if sawNonFinite { try weights.validateFinite() }
  return try Tensor(shape: weights.shape, scalars: pruned)
}
