import PruningCore

/// The class each example predicts: the index of its largest logit, the lower index on ties.
///
/// Ties are broken the same way everywhere in this exercise: among equal logits the lower
/// class index ranks first (as TensorFlow's `top_k` promises; PyTorch's `topk` does not promise
/// an order for ties).
///
/// ```swift
/// let logits = try Tensor(rows: [[0.1, 2.0, -1.0], [0.7, 0.7, 0.1]])
/// try predictedClasses(logits: logits)   // [1, 0]  (row 1 ties: class 0 wins)
/// ```
///
/// - Parameter logits: The scores, `[batch, classes]`; any batch size, including 0.
/// - Returns: One class index per row, in `0..<classes`.
/// - Throws: `PruningError.rankMismatch` (expected 2) when `logits` is not a matrix;
///   `PruningError.emptyInput("classes")` when there is a row but no class;
///   `PruningError.nonFiniteWeight` for the first NaN or infinite logit (its `[row, class]`).
/// - Complexity: O(*batch* · *classes*).
public func predictedClasses(logits: Tensor) throws(PruningError) -> [Int] {
  guard logits.rank == 2 else { throw .rankMismatch(expected: 2, actual: logits.shape) }
  let (rows, classes) = (logits.shape[0], logits.shape[1])
  guard rows == 0 || classes > 0 else { throw .emptyInput("classes") }
  try logits.validateFinite()
  var predictions: [Int] = []
  predictions.reserveCapacity(rows)
  for row in 0..<rows {
    var best = 0
    for column in 1..<classes where logits[row, column] > logits[row, best] {
      best = column
    }
    predictions.append(best)
  }
  return predictions
}

/// The fraction of examples whose top-scoring class is their label (top-1 accuracy).
///
/// The same as ``topKAccuracy(logits:labels:k:)`` with `k = 1`: ties between logits go to the
/// lower class index, so a label that ties with a lower class for the top score is wrong.
///
/// ```swift
/// let logits = try Tensor(rows: [
///   [0.1, 2.0, -1.0], [1.5, 0.3, 0.2], [0.0, 0.0, 3.0], [2.0, 1.0, 0.5],
/// ])
/// try accuracy(logits: logits, labels: [1, 0, 1, 1])   // 0.5 (predictions 1, 0, 2, 0)
/// ```
///
/// - Parameters:
///   - logits: The scores, `[batch, classes]`.
///   - labels: The true class of each row, each in `0..<classes`.
/// - Returns: Correct ÷ examples, in `0...1`.
/// - Throws: The errors of ``topKAccuracy(logits:labels:k:)``.
/// - Complexity: O(*batch* · *classes*).
public func accuracy(logits: Tensor, labels: [Int]) throws(PruningError) -> Double {
  try topKAccuracy(logits: logits, labels: labels, k: 1)
}

/// The fraction of examples whose label is among their `k` top-ranked classes.
///
/// Classes are ranked by logit, highest first, and among equal logits by class index, lowest
/// first. A label's rank is the number of classes ranked before it; the example counts as
/// correct when that rank is below `k`. So a tie at the boundary is not shared: with logits
/// `[3, 1, 1, 1]` and `k = 2` the top two are classes 0 and 1, and label 3 is wrong.
///
/// ```swift
/// let logits = try Tensor(rows: [
///   [0.1, 2.0, -1.0], [1.5, 0.3, 0.2], [0.0, 0.0, 3.0], [2.0, 1.0, 0.5],
/// ])
/// try topKAccuracy(logits: logits, labels: [1, 0, 1, 1], k: 2)   // 0.75
/// // row 2 ranks classes 2, 0, 1 (0 beats 1 on the tie), so label 1 is third.
/// ```
///
/// - Parameters:
///   - logits: The scores, `[batch, classes]`.
///   - labels: The true class of each row, each in `0..<classes`.
///   - k: How many top-ranked classes count as a hit, in `1...classes`.
/// - Returns: Correct ÷ examples, in `0...1`.
/// - Throws: Checked in this order: `PruningError.rankMismatch` (expected 2) when `logits` is
///   not a matrix; `PruningError.shapeMismatch` (expected `[labels.count, classes]`, actual
///   `logits.shape`) when the row count differs from the label count;
///   `PruningError.emptyInput("labels")` when there are no examples;
///   `PruningError.invalidTopK` for `k` outside `1...classes`;
///   `PruningError.nonFiniteWeight` for the first NaN or infinite logit (its `[row, class]`);
///   `PruningError.indexOutOfRange` (index the label, count `classes`) for the first label
///   outside `0..<classes`.
/// - Complexity: O(*batch* · *classes*).
public func topKAccuracy(logits: Tensor, labels: [Int], k: Int) throws(PruningError) -> Double {
  guard logits.rank == 2 else { throw .rankMismatch(expected: 2, actual: logits.shape) }
  let (rows, classes) = (logits.shape[0], logits.shape[1])
  guard rows == labels.count else {
    throw .shapeMismatch(expected: [labels.count, classes], actual: logits.shape)
  }
  guard !labels.isEmpty else { throw .emptyInput("labels") }
  guard k >= 1, k <= classes else { throw .invalidTopK(k: k, classes: classes) }
  try logits.validateFinite()
  if let label = labels.first(where: { !(0..<classes).contains($0) }) {
    throw .indexOutOfRange(index: label, count: classes)
  }
  var correct = 0
  for (row, label) in labels.enumerated() {
    let score = logits[row, label]
    var rank = 0
    for column in 0..<classes {
      let other = logits[row, column]
      if other > score || (other == score && column < label) {
        rank += 1
      }
    }
    if rank < k {
      correct += 1
    }
  }
  return Double(correct) / Double(labels.count)
}
