/// A text progress bar such as `[########------------]`.
public struct ProgressBar: Hashable, Sendable {
  /// The amount done.
  public var done: Int

  /// The whole amount.
  public var total: Int

  /// The number of cells between the brackets.
  public var width: Int

  /// Creates a bar.
  ///
  /// - Parameters:
  ///   - done: The amount done; clamped to `0...total`.
  ///   - total: The whole amount.
  ///   - width: The number of cells between the brackets; 30 by default.
  public init(done: Int, total: Int, width: Int = 30) {
    self.total = max(total, 0)
    self.done = min(max(done, 0), self.total)
    self.width = max(width, 1)
  }

  /// The number of filled cells: rounded down, so a bar is full only when all is done.
  public var filledCells: Int {
    total == 0 ? 0 : done * width / total
  }

  /// The bar in ASCII, readable in any terminal and by a screen reader.
  public var text: String {
    "[" + String(repeating: "#", count: filledCells)
      + String(repeating: "-", count: width - filledCells) + "]"
  }
}
