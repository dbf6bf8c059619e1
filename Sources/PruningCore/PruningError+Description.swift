extension PruningError: CustomStringConvertible {
  /// A sentence that says what was wrong and where.
  public var description: String {
    switch self {
    case .notImplemented(let function):
      return "\(function) is not implemented yet"
    case .invalidAmount(let amount):
      switch amount {
      case .fraction(let fraction):
        return "pruning amount \(fraction) is not a fraction in 0...1"
      case .count(let count):
        return "pruning count \(count) is negative"
      }
    case .amountExceedsCount(let requested, let available):
      return "cannot prune \(requested) of \(available) units"
    case .invalidThreshold(let threshold):
      return "threshold \(threshold) must be finite and not negative"
    case .invalidTopK(let k, let classes):
      return "top-k accuracy needs k in 1...\(classes), got k = \(k)"
    case .invalidRunCounts(let warmUp, let timed):
      return "latency needs warm-up runs >= 0 and timed runs >= 1, got \(warmUp) and \(timed)"
    case .clockWentBackwards(let start, let end):
      return "the clock went backwards: \(start) ns, then \(end) ns"
    case .invalidLatency(let latency):
      return "latency \(latency) ns must be finite and positive"
    case .invalidAccuracy(let accuracy):
      return "accuracy \(accuracy) is not a fraction in 0...1"
    case .nonZeroCountOutOfRange(let nonZeros, let elements):
      return "\(nonZeros) non-zeros do not fit in \(elements) elements"
    case .invalidSparseStructure(let issue):
      return "invalid sparse matrix: \(issue)"
    case .invalidByteWidth(let width):
      return "a storage width must be a positive number of bytes, got \(width)"
    case .invalidBlockSize(let block, let shape):
      return "block size \(block) must be positive and divide the shape \(shape)"
    case .invalidNMPattern(let n, let m):
      return "an N:M pattern needs m >= 1 and n in 0...m, got \(n):\(m)"
    case .indivisibleGroup(let length, let groupSize):
      return "rows of length \(length) do not split into groups of \(groupSize)"
    case .nmPatternViolated(let n, let m, let position):
      return "the group of \(m) starting at \(Self.describe(position: position)) "
        + "holds more than \(n) non-zeros"
    case .invalidSparsity(let sparsity):
      return "sparsity \(sparsity) is not in 0..<1"
    case .invalidStepRange(let begin, let end):
      return "pruning steps \(begin)...\(end) are not a valid range "
        + "(begin >= 0; end -1 or >= begin, and > begin where the schedule must end)"
    case .invalidFrequency(let frequency):
      return "pruning frequency \(frequency) must be at least 1"
    case .invalidHyperparameter(let name, let value):
      return "\(name) = \(value) is out of range"
    case .malformedLine(let source, let line, let reason):
      return "\(source), line \(line): \(reason)"
    case .malformedFile(let source, let reason):
      return "\(source): \(reason)"
    case .resourceNotFound(let name):
      return "resource \(name) is missing from the package"
    case .invalidClusterCount(let clusters):
      return "a codebook needs at least 1 cluster, got \(clusters)"
    case .invalidIterationCount(let iterations):
      return "an iteration cap must not be negative, got \(iterations)"
    case .invalidBitWidth(let bits):
      return "a width in bits must be in 1...32, got \(bits)"
    case .positionOutOfOrder(let index, let position):
      return "position \(position) at index \(index) is not greater than the one before it "
        + "(positions start at 0 or more and strictly increase)"
    case .negativeFrequency(let index, let frequency):
      return "frequency \(frequency) at index \(index) is negative"
    case .nonFiniteWeight(let position, let kind):
      return "weights contain \(kind.rawValue) at \(Self.describe(position: position))"
    case .shapeMismatch(let expected, let actual):
      return "shape mismatch: expected \(expected), got \(actual)"
    case .invalidShape(let shape, let scalarCount):
      return "shape \(shape) does not fit \(scalarCount) elements"
    case .rankMismatch(let expected, let actual):
      return "expected a rank-\(expected) tensor, got shape \(actual)"
    case .invalidDimension(let dimension, let rank):
      return "dimension \(dimension) is out of range for a rank-\(rank) tensor"
    case .indexOutOfRange(let index, let count):
      return "index \(index) is out of range 0..<\(count)"
    case .duplicateIndex(let index):
      return "index \(index) appears more than once"
    case .unexpectedLayer(let index, let expected):
      return "layer \(index): expected \(expected)"
    case .emptyInput(let what):
      return "\(what) must not be empty"
    case .invalidArgument(let message):
      return message
    case .tokenOutOfRange(let token, let vocabularySize):
      return "token id \(token) is out of range 0..<\(vocabularySize)"
    case .sequenceTooLong(let length, let contextLength):
      return "a sequence of \(length) tokens is longer than the context of \(contextLength)"
    case .unknownCharacter(let character, let offset):
      return "character \(character.debugDescription) at offset \(offset) is not in the vocabulary"
    case .removesEveryUnit(let units, let count):
      return "removing all \(count) \(units) would leave none; keep at least one"
    case .matrixNotPositiveDefinite(let pivot):
      return "the matrix is not positive definite: the pivot of column \(pivot) is not positive "
        + "(a singular Hessian needs dampening)"
    }
  }

  /// Words for a position: "index 4", "row 3, column 7", or "position [1, 2, 0]".
  static func describe(position: [Int]) -> String {
    switch position.count {
    case 1: return "index \(position[0])"
    case 2: return "row \(position[0]), column \(position[1])"
    default: return "position \(position)"
    }
  }
}

extension SparseStructureIssue: CustomStringConvertible {
  /// A sentence that says which rule the arrays break and where.
  public var description: String {
    switch self {
    case .indptrCount(let expected, let actual):
      return "indptr has \(actual) entries, expected \(expected) (one per row, plus one)"
    case .lengthMismatch(let indices, let data):
      return "\(indices) indices but \(data) data values"
    case .indptrStart(let first):
      return "indptr starts at \(first), expected 0"
    case .indptrEnd(let expected, let actual):
      return "indptr ends at \(actual), expected the \(expected) stored entries"
    case .indptrDecreasing(let position):
      return "indptr decreases at position \(position)"
    case .rowIndexOutOfRange(let position, let index, let bound):
      return "row index \(index) at position \(position) is out of range 0..<\(bound)"
    case .columnIndexOutOfRange(let position, let index, let bound):
      return "column index \(index) at position \(position) is out of range 0..<\(bound)"
    }
  }
}
