import PruningCore

/// Replaces each weight by the index of its nearest centroid.
///
/// This is the assignment step of k-means on its own, for a codebook you already have. The
/// centroids may come in any order; each weight takes the centroid with the smallest
/// `|w − c|` (compared in `Float`), and on a tie the **lower** index wins.
///
/// ```swift
/// let w = Tensor([-1, -0.9, 0.1, 0.2, 0.9, 1])
/// try quantize(w, centroids: [-0.95, 0.15, 0.95])   // [0, 0, 1, 1, 2, 2]
/// try quantize(Tensor([0.5]), centroids: [0, 1])    // [0]: a tie goes to the lower index
/// ```
///
/// - Parameters:
///   - weights: The weights to quantise; any shape, read row-major. May be empty.
///   - centroids: The codebook; at least one value, all finite.
///   - mask: When given (same shape as `weights`), only the kept weights are quantised.
/// - Returns: One code per weight (per kept weight with a mask), row-major.
/// - Throws: `PruningError.emptyInput("centroids")` for an empty codebook;
///   `PruningError.nonFiniteWeight` (position `[j]`) for a NaN or infinite centroid `j`;
///   `PruningError.shapeMismatch` when the mask's shape differs from the weights' shape;
///   `PruningError.nonFiniteWeight` for the first NaN or infinite weight. Checked in this order.
/// - Complexity: O(*n* · *k*) for *n* weights and *k* centroids.
public func quantize(_ weights: Tensor, centroids: [Float], mask: Mask? = nil)
  throws(PruningError) -> [Int]
{
  guard !centroids.isEmpty else { throw .emptyInput("centroids") }
  for (j, centroid) in centroids.enumerated() {
    if let kind = NonFiniteKind(centroid) { throw .nonFiniteWeight(position: [j], kind: kind) }
  }
  if let mask, mask.shape != weights.shape {
    throw .shapeMismatch(expected: weights.shape, actual: mask.shape)
  }
  try weights.validateFinite()
  var codes: [Int] = []
  codes.reserveCapacity(weights.count)
  for (index, weight) in weights.scalars.enumerated() where mask?.isKept[index] ?? true {
    var best = 0
    var bestDistance = abs(weight - centroids[0])
    for j in centroids.indices.dropFirst() {
      let distance = abs(weight - centroids[j])
      if distance < bestDistance {
        best = j
        bestDistance = distance
      }
    }
    codes.append(best)
  }
  return codes
}

/// Rebuilds a dense tensor from shared weights: every weight becomes its centroid.
///
/// Without a mask, weight `i` (row-major) becomes `centroids[codes[i]]`. With a mask, the
/// codes fill the kept positions in row-major order and every pruned position is `0`.
///
/// ```swift
/// let shared = SharedWeights(centroids: [-0.95, 0.15, 0.95], codes: [0, 0, 1, 1, 2, 2])
/// try reconstruct(shared, shape: [2, 3])
/// // [[-0.95, -0.95, 0.15],
/// //  [ 0.15,  0.95, 0.95]]
/// ```
///
/// - Parameters:
///   - shared: The codebook and the codes.
///   - shape: The shape of the result; no dimension negative.
///   - mask: When given, it must have `shape`, and `codes` holds one code per kept weight.
/// - Returns: A tensor of `shape`.
/// - Throws: `PruningError.invalidShape` for a negative dimension;
///   `PruningError.shapeMismatch(expected: shape, actual: mask.shape)` when the mask's shape
///   differs; `PruningError.shapeMismatch(expected: [n], actual: [codes.count])` when the
///   number of codes is not the `n` positions to fill (all elements, or the kept ones);
///   `PruningError.indexOutOfRange(index: code, count: centroids.count)` for the first code
///   outside the codebook. Checked in this order.
/// - Complexity: O(*n*).
public func reconstruct(_ shared: SharedWeights, shape: [Int], mask: Mask? = nil)
  throws(PruningError) -> Tensor
{
  guard shape.allSatisfy({ $0 >= 0 }) else {
    throw .invalidShape(shape: shape, scalarCount: shared.codes.count)
  }
  if let mask, mask.shape != shape { throw .shapeMismatch(expected: shape, actual: mask.shape) }
  let count = Tensor.elementCount(of: shape)
  let positions = mask?.keptCount ?? count
  guard shared.codes.count == positions else {
    throw .shapeMismatch(expected: [positions], actual: [shared.codes.count])
  }
  for code in shared.codes where !shared.centroids.indices.contains(code) {
    throw .indexOutOfRange(index: code, count: shared.centroids.count)
  }
  var scalars = [Float](repeating: 0, count: count)
  var next = 0
  for index in 0..<count where mask?.isKept[index] ?? true {
    scalars[index] = shared.centroids[shared.codes[next]]
    next += 1
  }
  return try Tensor(shape: shape, scalars: scalars)
}
