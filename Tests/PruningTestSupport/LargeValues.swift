import PruningCore
import Testing

/// Bounded descriptions of values for failure messages: however large the values, a failure
/// stays within a screenful.

/// The most characters of one value a failure message shows.
let maximumValueCharacters = 240

/// The most differing positions a failure message lists.
let maximumListedDifferences = 6

/// A value's description, cut to ``maximumValueCharacters`` with a note of what was left out.
///
/// An optional reads as what it holds, or `nil`: `40`, not `Optional(40)`.
///
/// - Parameter value: Any value.
/// - Returns: `String(describing:)` of it (of its wrapped value, for an optional), cropped.
public func boundedDescription(_ value: some Any) -> String {
  let text = unwrappedDescription(value)
  guard text.count > maximumValueCharacters else { return text }
  return String(text.prefix(maximumValueCharacters)) + "… (\(text.count) characters in all)"
}

/// `String(describing:)` of a value, or of what an optional holds (`nil` for none).
private func unwrappedDescription(_ value: Any) -> String {
  let mirror = Mirror(reflecting: value)
  guard mirror.displayStyle == .optional else { return String(describing: value) }
  return mirror.children.first.map { unwrappedDescription($0.value) } ?? "nil"
}

/// A summary of how two arrays differ: their lengths, how many positions differ, and the first
/// few differences with their positions.
///
/// - Parameters:
///   - actual: The values the code under test produced.
///   - expected: The values it should have produced.
///   - shape: The shape to give positions in (row, column, …); flat indices when `nil`.
/// - Returns: A few lines; empty when the arrays are equal.
/// - Complexity: O(*n*).
public func differenceSummary<Element: Equatable>(
  actual: [Element],
  expected: [Element],
  shape: [Int]? = nil
) -> String {
  var lines: [String] = []
  if actual.count != expected.count {
    lines.append("expected \(expected.count) values, got \(actual.count)")
  }
  let common = min(actual.count, expected.count)
  let differing = (0..<common).filter { actual[$0] != expected[$0] }
  if !differing.isEmpty {
    lines.append("\(differing.count) of \(common) positions differ; the first:")
    for index in differing.prefix(maximumListedDifferences) {
      let position =
        shape.map { "\(Tensor.position(ofFlatIndex: index, in: $0))" } ?? "[\(index)]"
      lines.append(
        "  at \(position): expected \(boundedDescription(expected[index])), "
          + "got \(boundedDescription(actual[index]))")
    }
    if differing.count > maximumListedDifferences {
      lines.append("  … and \(differing.count - maximumListedDifferences) more")
    }
  }
  if lines.isEmpty { return "" }
  if actual.count <= 16 && expected.count <= 16 {
    lines.append("expected \(boundedDescription(expected))")
    lines.append("actual   \(boundedDescription(actual))")
  }
  return lines.joined(separator: "\n")
}

/// A window of a mask's picture (`█` kept, `·` pruned) around one flat index, at most
/// `rows` × `columns` cells, with the window's place said when it is cropped.
///
/// - Parameters:
///   - mask: The mask.
///   - index: The flat index to centre on.
///   - rows: The most rows drawn.
///   - columns: The most columns drawn.
/// - Returns: The drawing, one line per row.
public func croppedPicture(of mask: Mask, around index: Int, rows: Int = 8, columns: Int = 48)
  -> String
{
  let width = mask.shape.last ?? mask.count
  guard width > 0, mask.count > 0 else { return "(empty mask, shape \(mask.shape))" }
  let height = mask.count / width
  let row = index / width
  let column = index % width
  let firstRow = max(0, min(row - rows / 2, height - rows))
  let firstColumn = max(0, min(column - columns / 2, width - columns))
  let lastRow = min(height, firstRow + rows)
  let lastColumn = min(width, firstColumn + columns)
  var lines: [String] = []
  for r in firstRow..<lastRow {
    let start = r * width
    lines.append(
      String(mask.isKept[(start + firstColumn)..<(start + lastColumn)].map { $0 ? "█" : "·" }))
  }
  if lastRow - firstRow < height || lastColumn - firstColumn < width {
    lines.append("(rows \(firstRow)..<\(lastRow), columns \(firstColumn)..<\(lastColumn))")
  }
  return lines.joined(separator: "\n")
}

/// Records a failure unless two values are equal, showing the input, the expected and the
/// actual value, each bounded in length.
///
/// Use it where `#expect(try f(x) == y)` would show neither value: a `try` inside `#expect`
/// turns off its display of values.
///
/// - Parameters:
///   - actual: The value the code under test produced.
///   - expected: The value it should have produced.
///   - input: What was computed, such as `"pruneCount(.fraction(0.5), of: 7)"`.
///   - comment: More about the case (a seed, a shape), shown with the failure.
///   - sourceLocation: The caller's line.
public func expectEqual<Value: Equatable>(
  _ actual: Value,
  _ expected: Value,
  _ input: String,
  _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  recordUnlessEqual(actual, expected, input, comment, sourceLocation: sourceLocation) {
    "  expected \(boundedDescription(expected))\n  actual   \(boundedDescription(actual))"
  }
}

/// Records a failure unless two arrays are equal, summarising the difference (lengths, count
/// and first positions) so a large array never floods the output.
///
/// - Parameters:
///   - actual: The values the code under test produced.
///   - expected: The values they should have been.
///   - input: What was computed.
///   - comment: More about the case, shown with the failure.
///   - sourceLocation: The caller's line.
public func expectEqual<Element: Equatable>(
  _ actual: [Element],
  _ expected: [Element],
  _ input: String,
  _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  recordUnlessEqual(actual, expected, input, comment, sourceLocation: sourceLocation) {
    differenceSummary(actual: actual, expected: expected)
      .split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
  }
}

/// The check behind the `expectEqual` overloads: records a failure unless two values are
/// equal, saying what was computed and then how the values differ.
///
/// - Parameters:
///   - actual: The value the code under test produced.
///   - expected: The value it should have produced.
///   - input: What was computed.
///   - comment: More about the case, shown last.
///   - sourceLocation: The caller's line.
///   - difference: The indented lines that show the two values, made only when they differ.
private func recordUnlessEqual<Value: Equatable>(
  _ actual: Value,
  _ expected: Value,
  _ input: String,
  _ comment: Comment?,
  sourceLocation: SourceLocation,
  difference: () -> String
) {
  guard actual != expected else { return }
  Issue.record(
    Comment(rawValue: "\(input)\n" + difference() + suffix(comment)),
    sourceLocation: sourceLocation)
}

/// Records a failure unless two masks are equal (see ``expectMask(_:equals:_:sourceLocation:)``),
/// naming what was computed.
///
/// - Parameters:
///   - actual: The mask the code under test produced.
///   - expected: The mask it should have produced.
///   - input: What was computed.
///   - comment: More about the case, shown with the failure.
///   - sourceLocation: The caller's line.
public func expectEqual(
  _ actual: Mask,
  _ expected: Mask,
  _ input: String,
  _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let note = comment.map { "\(input); \($0.rawValue)" } ?? input
  expectMask(actual, equals: expected, Comment(rawValue: note), sourceLocation: sourceLocation)
}
