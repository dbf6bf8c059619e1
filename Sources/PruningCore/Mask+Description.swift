extension Mask: CustomStringConvertible {
  /// A picture of the mask: `█` kept, `·` pruned, a row a line for 2-D masks.
  public var description: String {
    picture()
  }

  /// Draws the mask with `█` for kept and `·` for pruned.
  ///
  /// A 1-D mask is one line; a mask of rank 2 or more is drawn as rows of its last
  /// dimension.
  ///
  /// - Parameter maxRows: How many rows to draw before eliding the rest.
  /// - Returns: The picture, one line per row.
  public func picture(maxRows: Int = 16) -> String {
    let width = shape.last ?? count
    guard width > 0, count > 0 else { return "(empty mask, shape \(shape))" }
    let rows = count / width
    var lines: [String] = []
    for row in 0..<min(rows, maxRows) {
      lines.append(String(isKept[(row * width)..<((row + 1) * width)].map { $0 ? "█" : "·" }))
    }
    if rows > maxRows {
      lines.append("… \(rows - maxRows) more rows")
    }
    return lines.joined(separator: "\n")
  }
}
