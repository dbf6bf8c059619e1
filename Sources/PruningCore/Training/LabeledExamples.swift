/// A classification data set in memory: one feature row and one class label per example.
///
/// The features are a `[count, featureCount]` tensor (batch first, as ``Dense/forward(_:)``
/// takes it); label `i` belongs to row `i` and lies in `0..<classCount`.
///
/// ```swift
/// let data = try LabeledExamples(
///   features: Tensor(rows: [[0, 1], [1, 0], [1, 1]]), labels: [1, 0, 1], classCount: 2)
/// data.count                        // 3
/// try data.subset([2, 0]).labels    // [1, 1]
/// ```
public struct LabeledExamples: Hashable, Sendable {
  /// The inputs, `[count, featureCount]`.
  public let features: Tensor

  /// The class of each example, in `0..<classCount`.
  public let labels: [Int]

  /// The number of classes.
  public let classCount: Int

  /// Creates a data set from its features and labels.
  ///
  /// - Parameters:
  ///   - features: The inputs, `[count, featureCount]`.
  ///   - labels: One label per row, each in `0..<classCount`.
  ///   - classCount: The number of classes, at least 1.
  /// - Throws: `PruningError.rankMismatch` when `features` is not rank 2;
  ///   `PruningError.shapeMismatch` when the label count differs from the row count;
  ///   `PruningError.invalidArgument` when `classCount` is below 1;
  ///   `PruningError.indexOutOfRange` for the first label outside `0..<classCount`;
  ///   `PruningError.nonFiniteWeight` for a NaN or infinite feature.
  public init(features: Tensor, labels: [Int], classCount: Int) throws(PruningError) {
    guard features.rank == 2 else { throw .rankMismatch(expected: 2, actual: features.shape) }
    guard labels.count == features.shape[0] else {
      throw .shapeMismatch(expected: [features.shape[0]], actual: [labels.count])
    }
    guard classCount >= 1 else {
      throw .invalidArgument("classCount must be at least 1, got \(classCount)")
    }
    if let bad = labels.first(where: { !(0..<classCount).contains($0) }) {
      throw .indexOutOfRange(index: bad, count: classCount)
    }
    try features.validateFinite()
    self.features = features
    self.labels = labels
    self.classCount = classCount
  }

  /// The number of examples.
  public var count: Int { labels.count }

  /// The number of features of each example.
  public var featureCount: Int { features.shape[1] }

  /// The examples at the given positions, in that order (repeats allowed).
  ///
  /// - Parameter indices: Positions in `0..<count`.
  /// - Returns: A data set of `indices.count` examples.
  /// - Throws: `PruningError.indexOutOfRange` for the first position outside `0..<count`.
  /// - Complexity: O(`indices.count` · `featureCount`).
  public func subset(_ indices: [Int]) throws(PruningError) -> LabeledExamples {
    let width = featureCount
    var rows: [Float] = []
    rows.reserveCapacity(indices.count * width)
    var picked: [Int] = []
    picked.reserveCapacity(indices.count)
    for index in indices {
      guard (0..<count).contains(index) else { throw .indexOutOfRange(index: index, count: count) }
      rows.append(contentsOf: features.scalars[(index * width)..<((index + 1) * width)])
      picked.append(labels[index])
    }
    return try LabeledExamples(
      features: Tensor(shape: [indices.count, width], scalars: rows), labels: picked,
      classCount: classCount)
  }
}
