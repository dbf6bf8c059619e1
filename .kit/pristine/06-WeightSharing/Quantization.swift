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
  // TODO: Validate, then give each (kept) weight the index of its nearest centroid; on a tie keep
  //   the lower index.
  throw .notImplemented("quantize(_:centroids:mask:)")
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
  // TODO: Validate the shape, the counts and the codes, then write centroids[code] into each (kept)
  //   position, row-major, and 0 elsewhere.
  throw .notImplemented("reconstruct(_:shape:mask:)")
}
