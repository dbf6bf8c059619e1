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
    case .nonFiniteWeight(let position, let kind):
      return "weights contain \(kind.rawValue) at \(Self.describe(position: position))"
    case .shapeMismatch(let expected, let actual):
      return "shape mismatch: expected \(expected), got \(actual)"
    case .invalidShape(let shape, let scalarCount):
      return "shape \(shape) does not fit \(scalarCount) elements"
    case .invalidDimension(let dimension, let rank):
      return "dimension \(dimension) is out of range for a rank-\(rank) tensor"
    case .indexOutOfRange(let index, let count):
      return "index \(index) is out of range 0..<\(count)"
    case .emptyInput(let what):
      return "\(what) must not be empty"
    case .invalidArgument(let message):
      return message
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
