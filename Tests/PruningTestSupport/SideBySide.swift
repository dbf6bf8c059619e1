import PruningCore

/// Two drawings next to each other under "expected" and "actual" headings.
///
/// - Parameters:
///   - expected: The expected drawing, one line per row.
///   - actual: The actual drawing, one line per row.
/// - Returns: The combined drawing, indented for a failure message.
func sideBySide(expected: String, actual: String) -> String {
  let left = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  let right = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  let width = max(left.map(\.count).max() ?? 0, "expected".count)
  var lines = ["  " + pad("expected", width) + "   actual"]
  for row in 0..<max(left.count, right.count) {
    let l = row < left.count ? left[row] : ""
    let r = row < right.count ? right[row] : ""
    lines.append("  " + pad(l, width) + "   " + r)
  }
  return lines.joined(separator: "\n")
}

/// Two tensors drawn next to each other; only small 1-D and 2-D tensors are drawn in full.
///
/// - Parameters:
///   - expected: The expected tensor.
///   - actual: The actual tensor, of the same shape.
/// - Returns: The drawing, or a note that the tensors are too large to draw.
func sideBySide(expected: Tensor, actual: Tensor) -> String {
  guard expected.rank <= 2, expected.count <= 64 else {
    return "  (tensors of shape \(expected.shape) are too large to draw)"
  }
  return sideBySide(expected: grid(expected), actual: grid(actual))
}

private func grid(_ tensor: Tensor) -> String {
  let columns = tensor.shape.last ?? 1
  guard columns > 0 else { return "" }
  let cells = tensor.scalars.map { format($0) }
  let width = cells.map(\.count).max() ?? 1
  return stride(from: 0, to: cells.count, by: columns).map { start in
    cells[start..<min(start + columns, cells.count)].map { pad($0, width, left: true) }
      .joined(separator: " ")
  }.joined(separator: "\n")
}

private func format(_ value: Float) -> String {
  if value == value.rounded() && abs(value) < 1e6 { return String(Int(value)) }
  let text = "\(value)"
  return text.count <= 8 ? text : String(text.prefix(8))
}

private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
  let padding = String(repeating: " ", count: max(0, width - text.count))
  return left ? padding + text : text + padding
}
