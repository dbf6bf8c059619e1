import PruningCore
import Testing

/// Records a failure unless a mask equals the expected one, drawing both when they differ.
///
/// The failure shows expected and actual side by side (`█` kept, `·` pruned; a large mask is
/// cropped to a window around the first difference), the first differing position and how
/// many differ, so a learner sees at a glance which weights went the wrong way.
///
/// - Parameters:
///   - actual: The mask the code under test produced.
///   - expected: The mask it should have produced.
///   - comment: What is being compared, shown with the failure.
///   - sourceLocation: The caller's line.
public func expectMask(
  _ actual: Mask,
  equals expected: Mask,
  _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual.shape == expected.shape else {
    Issue.record(
      Comment(
        rawValue: "expected a mask of shape \(expected.shape), got \(actual.shape)"
          + suffix(comment)),
      sourceLocation: sourceLocation)
    return
  }
  guard let index = actual.isKept.indices.first(where: { actual.isKept[$0] != expected.isKept[$0] })
  else { return }
  let position = Tensor.position(ofFlatIndex: index, in: expected.shape)
  let verb = expected.isKept[index] ? "kept" : "pruned"
  let differing = actual.isKept.indices.count { actual.isKept[$0] != expected.isKept[$0] }
  let pictures =
    expected.count <= 256
    ? sideBySide(expected: expected.picture(), actual: actual.picture())
    : sideBySide(
      expected: croppedPicture(of: expected, around: index),
      actual: croppedPicture(of: actual, around: index))
  Issue.record(
    Comment(
      rawValue: "masks differ first at \(position): it should be \(verb)"
        + " (kept \(actual.keptCount) of \(actual.count), expected \(expected.keptCount);"
        + " \(differing) positions differ)\n"
        + pictures + suffix(comment)),
    sourceLocation: sourceLocation)
}

/// Records a failure unless a mask has the given shape-free flags.
///
/// - Parameters:
///   - actual: The mask the code under test produced.
///   - expected: The flags it should hold, row-major (`true` = kept).
///   - comment: What is being compared, shown with the failure.
///   - sourceLocation: The caller's line.
public func expectMask(
  _ actual: Mask,
  equals expected: [Bool],
  _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let shaped =
    (try? Mask(shape: actual.shape, isKept: expected)) ?? Mask(expected)
  expectMask(actual, equals: shaped, comment, sourceLocation: sourceLocation)
}

/// Parses a mask picture: `█`, `1`, `T` or `x` is kept; `·`, `.`, `0`, `F` or `-` is pruned.
///
/// Rows are separated by `/` or newlines, so `"█·/·█"` is a 2×2 mask. Spaces are ignored.
///
/// - Parameter picture: The drawing.
/// - Returns: The mask it describes (1-D for one row).
public func mask(_ picture: String) -> Mask {
  let rows = picture.split(whereSeparator: { $0 == "/" || $0 == "\n" }).map { row in
    row.compactMap { character -> Bool? in
      switch character {
      case "█", "1", "T", "x": return true
      case "·", ".", "0", "F", "-": return false
      default: return nil
      }
    }
  }
  if rows.count == 1 { return Mask(rows[0]) }
  let columns = rows.first?.count ?? 0
  return (try? Mask(shape: [rows.count, columns], isKept: rows.flatMap { $0 }))
    ?? Mask(rows.flatMap { $0 })
}
