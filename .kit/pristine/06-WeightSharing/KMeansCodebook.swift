import PruningCore

/// Clusters a layer's weights with 1-D k-means, initialised linearly over `[min, max]`.
///
/// This is Deep Compression's weight sharing (Han et al., 2016): the weights of **one layer**
/// are grouped into `k` clusters, and every weight of a cluster is replaced by the cluster's
/// centroid. The rules, all of which are graded:
///
/// - **Linear initialisation.** The `k` initial centroids are evenly spaced over
///   `[min, max]` of the clustered weights, both ends included:
///   `c_j = min + j · (max − min) / (k − 1)`, computed in `Double` and rounded to `Float`.
///   For `k = 1` the single centroid starts at the midpoint `(min + max) / 2`; the first
///   update moves it to the mean.
/// - **Assignment.** Each weight takes the nearest centroid, `|w − c|` compared in `Float`;
///   on a tie the **lower** cluster index wins.
/// - **Update.** Each centroid becomes the mean of its members (summed in `Double`). A cluster
///   with no members **keeps** its centroid (it is neither zeroed nor dropped), so the result
///   always has exactly `k` centroids.
/// - **Stopping.** One iteration is an update followed by a reassignment. The loop stops when
///   a reassignment changes no code, or after `maxIterations` iterations. The returned codes are
///   always the assignment to the returned centroids; `maxIterations: 0` returns the linear
///   initial centroids and their assignment.
///
/// ```swift
/// let w = Tensor([-1, -0.9, 0.1, 0.2, 0.9, 1])
/// let shared = try kMeansCodebook(w, clusters: 3)
/// shared.centroids   // [-0.95, 0.15, 0.95]   (initial centroids: [-1, 0, 1])
/// shared.codes       // [0, 0, 1, 1, 2, 2]
/// ```
///
/// - Parameters:
///   - weights: The layer's weights; any shape, read row-major.
///   - clusters: The number of clusters `k`, at least 1. It may exceed the number of distinct
///     weights; the spare clusters stay empty and keep their initial centroids.
///   - maxIterations: The most iterations to run; 0 or more.
///   - mask: When given (same shape as `weights`), only the kept weights are clustered: they
///     alone set `min` and `max`, and `codes` lists only them, row-major.
/// - Returns: `k` centroids and one code per clustered weight.
/// - Throws: `PruningError.invalidClusterCount` when `clusters < 1`;
///   `PruningError.invalidIterationCount` when `maxIterations < 0`;
///   `PruningError.shapeMismatch` when the mask's shape differs from the weights' shape;
///   `PruningError.nonFiniteWeight` for the first NaN or infinite weight (kept or not);
///   `PruningError.emptyInput("weights")` when there are no weights, and
///   `PruningError.emptyInput("kept weights")` when the mask keeps none. Checked in this order.
/// - Complexity: The reference sorts once, O(*n* log *n*), then spends O(*k* log *n*) per
///   iteration: in one dimension every cluster is a run of the sorted weights, so binary
///   search finds the runs and prefix sums give their means. A brute-force assignment,
///   O(*n* · *k*) per iteration, passes the tests too.
public func kMeansCodebook(
  _ weights: Tensor, clusters: Int, maxIterations: Int = 100, mask: Mask? = nil
) throws(PruningError) -> SharedWeights {
  // TODO: Validate; take the values to cluster (all, or the kept ones); start from k evenly spaced
  //   centroids over [min, max] (the midpoint for k = 1); then repeat update (mean of members,
  //   empty clusters unchanged) and reassign (nearest, ties to the lower index) until no code
  //   changes or maxIterations runs out.
  throw .notImplemented("kMeansCodebook(_:clusters:maxIterations:mask:)")
}
