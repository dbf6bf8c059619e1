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
  guard clusters >= 1 else { throw .invalidClusterCount(clusters) }
  guard maxIterations >= 0 else { throw .invalidIterationCount(maxIterations) }
  if let mask, mask.shape != weights.shape {
    throw .shapeMismatch(expected: weights.shape, actual: mask.shape)
  }
  try weights.validateFinite()
  guard !weights.isEmpty else { throw .emptyInput("weights") }
  let values = clusteredValues(weights, mask: mask)
  guard !values.isEmpty else { throw .emptyInput("kept weights") }

  // Sort once, remembering where each value came from. Every cluster is then a run
  // sorted[starts[j]..<starts[j + 1]].
  let order = sortedOrder(of: values)
  let sorted = order.map { Float(orderedBits: UInt32(truncatingIfNeeded: $0 >> 32)) }
  var prefixSums = [Double](repeating: 0, count: sorted.count + 1)
  for (index, value) in sorted.enumerated() {
    prefixSums[index + 1] = prefixSums[index] + Double(value)
  }

  var centroids = linearCentroids(from: sorted[0], to: sorted[sorted.count - 1], count: clusters)
  var starts = runStarts(of: sorted, nearest: centroids)
  for _ in 0..<maxIterations {
    for j in centroids.indices where starts[j] < starts[j + 1] {
      let sum = prefixSums[starts[j + 1]] - prefixSums[starts[j]]
      centroids[j] = Float(sum / Double(starts[j + 1] - starts[j]))
    }
    let next = runStarts(of: sorted, nearest: centroids)
    if next == starts { break }
    starts = next
  }
  return SharedWeights(centroids: centroids, codes: codes(order: order, starts: starts))
}

/// The weights to cluster, row-major: all of them, or only the kept ones.
private func clusteredValues(_ weights: Tensor, mask: Mask?) -> [Float] {
  guard let mask else { return weights.scalars }
  var values: [Float] = []
  values.reserveCapacity(weights.count)
  for (value, kept) in zip(weights.scalars, mask.isKept) where kept {
    values.append(value)
  }
  return values
}

/// `count` centroids evenly spaced over `[low, high]`, both ends included (the midpoint for 1).
private func linearCentroids(from low: Float, to high: Float, count: Int) -> [Float] {
  guard count > 1 else { return [Float((Double(low) + Double(high)) / 2)] }
  let step = (Double(high) - Double(low)) / Double(count - 1)
  return (0..<count).map { j in j == count - 1 ? high : Float(Double(low) + Double(j) * step) }
}

/// Where each cluster's run starts in `sorted`, plus `sorted.count` at the end.
///
/// The update keeps centroids in ascending order (each mean lies between its run's ends), so
/// the nearest centroid to a weight is one of the two centroids around it. A centroid equal to
/// an earlier one can never win a tie against it: its run is empty. Between two consecutive
/// distinct centroids `a < b`, "strictly nearer to `b`" is false and then true along the sorted
/// weights, and binary search finds the switch.
private func runStarts(of sorted: [Float], nearest centroids: [Float]) -> [Int] {
  var boundary = [Int](repeating: -1, count: centroids.count)  // -1: an empty duplicate
  boundary[0] = 0
  var owner = 0  // the lowest-indexed centroid of the current distinct value
  var low = 0
  for j in centroids.indices.dropFirst() where centroids[j] > centroids[owner] {
    let (a, b) = (centroids[owner], centroids[j])
    low = partitionPoint(sorted, from: low) { value in
      let distanceToB = abs(value - b)
      return distanceToB < abs(value - a)
    }
    boundary[j] = low
    owner = j
  }
  var starts = [Int](repeating: sorted.count, count: centroids.count + 1)
  for j in centroids.indices.reversed() {
    starts[j] = boundary[j] >= 0 ? boundary[j] : starts[j + 1]
  }
  return starts
}

/// The first index in `from..<sorted.count` where `predicate` holds (it must be false, then true).
private func partitionPoint(_ sorted: [Float], from start: Int, where predicate: (Float) -> Bool)
  -> Int
{
  var low = start
  var high = sorted.count
  while low < high {
    let middle = low + (high - low) / 2
    if predicate(sorted[middle]) { high = middle } else { low = middle + 1 }
  }
  return low
}

/// Each value's cluster: the cluster whose run holds the value's sorted position.
///
/// Equal weights always share a run (a run boundary is where "nearer to the next centroid"
/// turns true, and equal weights answer alike), so this is the nearest centroid with the
/// lower index winning ties. One scattered write per value, no search.
private func codes(order: [UInt64], starts: [Int]) -> [Int] {
  var codes = [Int](repeating: 0, count: order.count)
  codes.withUnsafeMutableBufferPointer { code in
    order.withUnsafeBufferPointer { entry in
      for j in 0..<starts.count - 1 {
        for position in starts[j]..<starts[j + 1] {
          code[Int(entry[position] & 0xFFFF_FFFF)] = j
        }
      }
    }
  }
  return codes
}

extension Float {
  /// The float whose ``orderedBits`` are `bits`.
  fileprivate init(orderedBits bits: UInt32) {
    self.init(bitPattern: bits & 0x8000_0000 != 0 ? bits ^ 0x8000_0000 : ~bits)
  }

  /// The bits with the order of the values: the sign bit flipped for a positive float, every
  /// bit flipped for a negative one, so unsigned comparison of the results sorts as `<` does
  /// (with `-0` just below `+0`, which `<` calls equal).
  fileprivate var orderedBits: UInt32 {
    bitPattern & 0x8000_0000 != 0 ? ~bitPattern : bitPattern ^ 0x8000_0000
  }
}

/// The values in ascending order, each as `orderedBits << 32 | position`: a least-significant-
/// digit radix sort.
///
/// Three stable counting passes on 11, 11 and 10 bits of the ordered bits sort a million
/// weights in a few milliseconds, several times faster than a comparison sort, and carry each
/// value's position along so that the codes need no search afterwards. All three histograms
/// come from one pass; a digit that every value shares needs no pass of its own.
///
/// - Parameter values: The values; finite. A position takes 32 bits, which bounds a layer at
///   2³² weights (16 GiB of floats).
/// - Returns: One entry per value, sorted by value, equal values by position.
/// - Complexity: O(*n*).
private func sortedOrder(of values: [Float]) -> [UInt64] {
  let digits: [(shift: UInt64, width: Int)] = [(32, 11), (43, 11), (54, 10)]
  var keys = [UInt64](unsafeUninitializedCapacity: values.count) { key, initializedCount in
    for (position, value) in values.enumerated() {
      key[position] = UInt64(value.orderedBits) << 32 | UInt64(position)
    }
    initializedCount = values.count
  }
  // The three histograms of `digits`, counted in one pass over the keys.
  var low = [Int](repeating: 0, count: 1 << 11)
  var middle = [Int](repeating: 0, count: 1 << 11)
  var high = [Int](repeating: 0, count: 1 << 10)
  low.withUnsafeMutableBufferPointer { low in
    middle.withUnsafeMutableBufferPointer { middle in
      high.withUnsafeMutableBufferPointer { high in
        for key in keys {
          low[Int(key >> 32 & 0x7FF)] += 1
          middle[Int(key >> 43 & 0x7FF)] += 1
          high[Int(key >> 54)] += 1
        }
      }
    }
  }
  let counts = [low, middle, high]
  var scratch = [UInt64](repeating: 0, count: values.count)
  for (d, digit) in digits.enumerated() where !counts[d].contains(values.count) {
    let mask = UInt64(1 << digit.width - 1)
    var next = 0
    var offsets = counts[d].map { count in
      defer { next += count }
      return next
    }
    keys.withUnsafeBufferPointer { source in
      scratch.withUnsafeMutableBufferPointer { destination in
        offsets.withUnsafeMutableBufferPointer { offset in
          for key in source {
            let bucket = Int(key >> digit.shift & mask)
            destination[offset[bucket]] = key
            offset[bucket] += 1
          }
        }
      }
    }
    swap(&keys, &scratch)
  }
  return keys
}
