import PruningCore

/// Masks a matrix of scores row by row: the lowest scores of each output row are pruned.
///
/// Both Wanda and the magnitude baseline compare weights only **within an output row**: every
/// output neuron keeps the same share of its inputs. For `.unstructured(f)` each row of `in`
/// scores prunes `k = round(in · f)` (half to even), ranked by `(score, column)` ascending, so
/// among equal scores the lower column is pruned first (the convention of exercise 01). For
/// `.nm(n, m)` each row is cut into groups of `m` consecutive columns and the `m − n` lowest
/// scores of each group are pruned, with the same tie rule.
///
/// ```swift
/// let s = try Tensor(rows: [[4, 2], [12, 0.5]])
/// try rowPruningMask(scores: s, pattern: .unstructured(0.5))   // [[T, F], [T, F]]
/// try rowPruningMask(scores: Tensor(rows: [[0.1, 0.9, 0.5, 0.2]]),
///                    pattern: .nm(n: 2, m: 4))         // [[F, T, T, F]]
/// ```
///
/// - Parameters:
///   - scores: The importance of each weight, `[out, in]`; higher is more important.
///   - pattern: The fraction of each row, or the N:M groups, to prune.
/// - Returns: A mask of the scores' shape.
/// - Throws: Checked in this order: `PruningError.rankMismatch(expected: 2, actual:)` unless the
///   scores are a matrix; the errors of ``SparsityPattern/validate(inputCount:)``;
///   `PruningError.nonFiniteWeight` at the first NaN or infinite score.
/// - Complexity: O(*out* · *in*) on average.
public func rowPruningMask(scores: Tensor, pattern: SparsityPattern) throws(PruningError) -> Mask {
  guard scores.rank == 2 else { throw .rankMismatch(expected: 2, actual: scores.shape) }
  let rows = scores.shape[0]
  let columns = scores.shape[1]
  try pattern.validate(inputCount: columns)
  try scores.validateFinite()
  var isKept = [Bool](repeating: true, count: scores.count)
  switch pattern {
  case .unstructured(let fraction):
    let k = Int((Double(columns) * fraction).rounded(.toNearestOrEven))
    var keys = [UInt64](repeating: 0, count: columns)
    for r in 0..<rows {
      for c in 0..<columns {
        keys[c] = rankKey(scores.scalars[r * columns + c], index: c)
      }
      for c in lowestIndices(k, of: &keys) {
        isKept[r * columns + c] = false
      }
    }
  case .nm(let n, let m):
    for start in stride(from: 0, to: scores.count, by: m) {
      for a in start..<start + m {
        // a is pruned when it is among the m − n lowest: fewer than m − n of its group rank
        // below it by (score, index).
        let key = rankKey(scores.scalars[a], index: a)
        let below = (start..<start + m).count { rankKey(scores.scalars[$0], index: $0) < key }
        isKept[a] = below >= m - n
      }
    }
  }
  return try Mask(shape: scores.shape, isKept: isKept)
}

/// The magnitude baseline, per output row: prune the smallest `|W_ij|` of each row.
///
/// It is ``rowPruningMask(scores:pattern:)`` on `|W|`. Unlike exercise 01's layer-wide
/// `magnitudeMask`, every row loses the same share, as Wanda's comparison group does.
///
/// ```swift
/// let w = try Tensor(rows: [[1, -2], [3, 0.5]])
/// try rowMagnitudeMask(w, pattern: .unstructured(0.5))   // [[F, T], [T, F]]
/// ```
///
/// - Parameters:
///   - weights: The layer's weight, `[out, in]`.
///   - pattern: The fraction of each row, or the N:M groups, to prune.
/// - Returns: A mask of the weights' shape.
/// - Throws: The errors of ``rowPruningMask(scores:pattern:)``, in the same order.
/// - Complexity: O(*out* · *in*) on average.
public func rowMagnitudeMask(
  _ weights: Tensor, pattern: SparsityPattern
) throws(PruningError) -> Mask {
  try rowPruningMask(scores: weights.map { abs($0) }, pattern: pattern)
}

/// A key whose unsigned order is `(score, index)` order: the float's ordered bits, then the index.
///
/// - Parameters:
///   - score: A finite score (`-0.0` counts as `0`).
///   - index: The position, below 2³².
/// - Returns: The key.
func rankKey(_ score: Float, index: Int) -> UInt64 {
  let bits = (score + 0).bitPattern
  let ordered = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
  return UInt64(ordered) << 32 | UInt64(UInt32(truncatingIfNeeded: index))
}

/// The indices (low 32 bits) of the `k` smallest keys; the keys are reordered.
///
/// - Parameters:
///   - k: How many, in `0...keys.count`.
///   - keys: Distinct keys from ``rankKey(_:index:)``.
/// - Returns: The indices of the `k` smallest keys, in no particular order.
/// - Complexity: O(*n*) on average (quickselect).
func lowestIndices(_ k: Int, of keys: inout [UInt64]) -> [Int] {
  guard k > 0 else { return [] }
  if k < keys.count {
    keys.withUnsafeMutableBufferPointer { v in
      var low = 0
      var high = v.count - 1
      let target = k - 1
      while low < high {
        let a = v[low]
        let b = v[(low + high) / 2]
        let c = v[high]
        let pivot = max(min(a, b), min(max(a, b), c))
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
        if target <= j {
          high = j
        } else if target >= i {
          low = i
        } else {
          break
        }
      }
    }
  }
  return keys.prefix(k).map { Int($0 & 0xFFFF_FFFF) }
}
