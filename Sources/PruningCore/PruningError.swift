/// The errors every PruningKit API throws, typed so a caller can match the exact case.
///
/// Each case carries what was wrong and where, and its `description` says it in a sentence
/// (see `PruningError+Description.swift`). A stub that has not been written yet throws
/// ``notImplemented(_:)``.
public enum PruningError: Error, Equatable, Hashable, Sendable {
  /// The function has not been written yet; the payload names it.
  case notImplemented(String)

  /// A fraction outside `0...1`, a negative count, or a non-finite fraction.
  case invalidAmount(PruningAmount)

  /// A count that asks for more units than there are.
  case amountExceedsCount(requested: Int, available: Int)

  /// A threshold (or quality factor) that is negative or not finite.
  case invalidThreshold(Float)

  /// A top-k accuracy asked for `k` outside `1...classes`.
  case invalidTopK(k: Int, classes: Int)

  /// A latency measurement with negative warm-up runs or fewer than one timed run.
  case invalidRunCounts(warmUp: Int, timed: Int)

  /// A clock that read an earlier time after a later one, in nanoseconds.
  case clockWentBackwards(start: UInt64, end: UInt64)

  /// A latency (nanoseconds) that is not finite and positive.
  case invalidLatency(Double)

  /// An accuracy that is not a fraction in `0...1`.
  case invalidAccuracy(Double)

  /// A non-zero count that is negative or larger than the number of elements.
  case nonZeroCountOutOfRange(nonZeros: Int, elements: Int)

  /// A sparse matrix (COO, CSR, …) whose arrays break the format's rules; the payload says which.
  case invalidSparseStructure(SparseStructureIssue)

  /// A storage width in bytes (of a value or an index) that is not positive.
  case invalidByteWidth(Int)

  /// A block size that is not positive or does not divide the matrix shape: the block, the shape.
  case invalidBlockSize(block: [Int], shape: [Int])

  /// An N:M pattern with `m < 1` or `n` outside `0...m`.
  case invalidNMPattern(n: Int, m: Int)

  /// A row whose length is not a multiple of the group size, as N:M sparsity needs.
  case indivisibleGroup(length: Int, groupSize: Int)

  /// A group of `m` consecutive weights holding more than `n` non-zeros; `position` is the
  /// group's first element (one index per dimension).
  case nmPatternViolated(n: Int, m: Int, position: [Int])

  /// A target sparsity outside `0..<1` or not finite (TensorFlow's schedules reject 1.0).
  case invalidSparsity(Double)

  /// Pruning steps that do not form a range: `begin` negative, or `end` neither −1 ("never
  /// stops") nor at least `begin`; a schedule that must end also rejects −1 and `end == begin`.
  case invalidStepRange(begin: Int, end: Int)

  /// A pruning frequency (steps between mask updates) below 1.
  case invalidFrequency(Int)

  /// A training or schedule setting outside its range: its name and value.
  case invalidHyperparameter(name: String, value: Double)

  /// A data file line that cannot be read: the file, the line (from 1) and what is wrong.
  case malformedLine(source: String, line: Int, reason: String)

  /// A file that is not what it should be (a model archive, …): the file and what is wrong.
  case malformedFile(source: String, reason: String)

  /// A resource file the package ships was not found; the payload names it.
  case resourceNotFound(String)

  /// A weight-sharing codebook asked for fewer than one cluster.
  case invalidClusterCount(Int)

  /// An iteration cap (of k-means, …) that is negative.
  case invalidIterationCount(Int)

  /// A width in bits (of a weight, a code or a relative index) outside `1...32`.
  case invalidBitWidth(Int)

  /// A position list that is not strictly increasing from 0 or more: the first offending
  /// entry's index in the list, and the position stored there.
  case positionOutOfOrder(index: Int, position: Int)

  /// A symbol frequency that is negative: its index in the list, and the frequency.
  case negativeFrequency(index: Int, frequency: Int)

  /// A weight that is NaN or infinite, at its position (one index per dimension).
  case nonFiniteWeight(position: [Int], kind: NonFiniteKind)

  /// Two shapes that had to agree do not.
  case shapeMismatch(expected: [Int], actual: [Int])

  /// A shape with a negative dimension, or whose element count differs from the storage.
  case invalidShape(shape: [Int], scalarCount: Int)

  /// A tensor with the wrong number of dimensions for its role: the rank expected, the shape given.
  case rankMismatch(expected: Int, actual: [Int])

  /// A dimension argument outside `0..<rank`.
  case invalidDimension(dimension: Int, rank: Int)

  /// An index outside `0..<count` (a channel, a layer, a column, …).
  case indexOutOfRange(index: Int, count: Int)

  /// An index that appears more than once where each must be distinct (kept channels, …).
  case duplicateIndex(Int)

  /// A model whose layer at `index` is not the kind an operation needs there; `expected` names
  /// the kinds accepted (`index` equals the layer count when the model ended too early).
  case unexpectedLayer(index: Int, expected: String)

  /// An input that must not be empty was empty; the payload names it.
  case emptyInput(String)

  /// Any other argument outside its documented range; the payload names the argument and the rule.
  case invalidArgument(String)

  // MARK: The tiny language model

  /// A token id outside the vocabulary `0..<vocabularySize`.
  case tokenOutOfRange(token: Int, vocabularySize: Int)

  /// A token sequence longer than the model's context.
  case sequenceTooLong(length: Int, contextLength: Int)

  /// A character the vocabulary does not contain, and its offset in the text.
  case unknownCharacter(Character, offset: Int)

  // MARK: Transformer structure

  /// A structural removal that would leave none of a layer's units: the payload names the
  /// units (`"heads of block 0"`, `"blocks"`) and how many there are.
  case removesEveryUnit(units: String, count: Int)
  // MARK: One-shot pruning (exercise 08)

  /// A matrix that is not symmetric positive definite: the first column whose Cholesky pivot
  /// is not positive and finite (a singular Hessian without dampening, …).
  case matrixNotPositiveDefinite(pivot: Int)
}

/// How a weight fails to be finite.
public enum NonFiniteKind: String, Hashable, Sendable, CaseIterable {
  /// Not a number.
  case nan = "NaN"
  /// Positive infinity.
  case positiveInfinity = "+infinity"
  /// Negative infinity.
  case negativeInfinity = "-infinity"

  /// The kind of a non-finite value, or `nil` for a finite one.
  ///
  /// The result is `nil` when `value` is finite.
  ///
  /// - Parameter value: The value to classify.
  public init?(_ value: Float) {
    if value.isNaN {
      self = .nan
    } else if value == .infinity {
      self = .positiveInfinity
    } else if value == -.infinity {
      self = .negativeInfinity
    } else {
      return nil
    }
  }
}

/// What is wrong with the arrays of a sparse matrix, named after scipy's arrays.
///
/// Positions count entries of the array named (`indptr`, `indices`, or COO's `row`/`col`);
/// indices are reported as stored.
public enum SparseStructureIssue: Hashable, Sendable {
  /// `indptr` must hold one entry more than the rows (CSR): the count needed, the count given.
  case indptrCount(expected: Int, actual: Int)

  /// The index arrays and `data` must have the same length: an index array's length, data's.
  case lengthMismatch(indices: Int, data: Int)

  /// `indptr` must start at 0; the payload is its first entry.
  case indptrStart(Int)

  /// `indptr` must end at the number of stored entries: that number, then its last entry.
  case indptrEnd(expected: Int, actual: Int)

  /// `indptr` must never decrease; `indptr[position]` is smaller than the entry before it.
  case indptrDecreasing(position: Int)

  /// A row index outside `0..<bound`, at `position` in the row array.
  case rowIndexOutOfRange(position: Int, index: Int, bound: Int)

  /// A column index outside `0..<bound`, at `position` in the column (`indices`) array.
  case columnIndexOutOfRange(position: Int, index: Int, bound: Int)
}
