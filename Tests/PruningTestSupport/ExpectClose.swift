import PruningCore
import Testing

/// Records a failure unless two floats are equal within a tolerance.
///
/// - Parameters:
///   - actual: The value the code under test produced.
///   - expected: The value it should have produced.
///   - tolerance: The largest absolute difference accepted (and the relative difference, for
///     large magnitudes).
///   - comment: What is being compared, shown with the failure.
///   - sourceLocation: The caller's line, so the failure points at the test, not this helper.
public func expectClose(
  _ actual: Float,
  _ expected: Float,
  tolerance: Float = 1e-5,
  _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectScalarClose(actual, expected, tolerance: tolerance, comment, sourceLocation: sourceLocation)
}

/// Records a failure unless two doubles are equal within a tolerance.
///
/// - Parameters:
///   - actual: The value the code under test produced.
///   - expected: The value it should have produced.
///   - tolerance: The largest absolute difference accepted (and the relative difference, for
///     large magnitudes).
///   - comment: What is being compared, shown with the failure.
///   - sourceLocation: The caller's line, so the failure points at the test, not this helper.
public func expectClose(
  _ actual: Double,
  _ expected: Double,
  tolerance: Double = 1e-9,
  _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectScalarClose(actual, expected, tolerance: tolerance, comment, sourceLocation: sourceLocation)
}

/// Records a failure unless two float arrays have the same length and agree element by element.
///
/// The message names the first differing index and both values there.
///
/// - Parameters:
///   - actual: The values the code under test produced.
///   - expected: The values it should have produced.
///   - tolerance: The largest difference accepted per element.
///   - comment: What is being compared, shown with the failure.
///   - sourceLocation: The caller's line.
public func expectClose(
  _ actual: [Float],
  _ expected: [Float],
  tolerance: Float = 1e-5,
  _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual.count == expected.count else {
    Issue.record(
      Comment(
        rawValue:
          "expected \(expected.count) values, got \(actual.count)\n  expected: \(preview(expected))\n"
          + "  actual:   \(preview(actual))" + suffix(comment)),
      sourceLocation: sourceLocation)
    return
  }
  if let index = firstDifference(actual, expected, tolerance: tolerance) {
    Issue.record(
      Comment(
        rawValue:
          "first difference at index \(index): expected \(expected[index]), got \(actual[index])\n"
          + "  expected: \(preview(expected))\n  actual:   \(preview(actual))" + suffix(comment)),
      sourceLocation: sourceLocation)
  }
}

/// Records a failure unless two tensors have the same shape and agree element by element.
///
/// The message names the first differing position and, for small matrices, prints both side
/// by side.
///
/// - Parameters:
///   - actual: The tensor the code under test produced.
///   - expected: The tensor it should have produced.
///   - tolerance: The largest difference accepted per element.
///   - comment: What is being compared, shown with the failure.
///   - sourceLocation: The caller's line.
public func expectClose(
  _ actual: Tensor,
  _ expected: Tensor,
  tolerance: Float = 1e-5,
  _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual.shape == expected.shape else {
    Issue.record(
      Comment(rawValue: "expected shape \(expected.shape), got \(actual.shape)" + suffix(comment)),
      sourceLocation: sourceLocation)
    return
  }
  if let index = firstDifference(actual.scalars, expected.scalars, tolerance: tolerance) {
    let position = expected.position(ofFlatIndex: index)
    Issue.record(
      Comment(
        rawValue: "first difference at \(position): expected \(expected.scalars[index]), "
          + "got \(actual.scalars[index])\n" + sideBySide(expected: expected, actual: actual)
          + suffix(comment)),
      sourceLocation: sourceLocation)
  }
}

/// The comparison behind the `Float` and `Double` overloads of `expectClose`: records a failure
/// that shows both values and the tolerance unless they are close.
func expectScalarClose<Value: BinaryFloatingPoint & CustomStringConvertible>(
  _ actual: Value,
  _ expected: Value,
  tolerance: Value,
  _ comment: Comment?,
  sourceLocation: SourceLocation
) {
  if !isClose(actual, expected, tolerance: tolerance) {
    Issue.record(
      Comment(rawValue: "expected \(expected) ± \(tolerance), got \(actual)" + suffix(comment)),
      sourceLocation: sourceLocation)
  }
}

/// Whether two values agree within a tolerance, taken as absolute near zero and as relative
/// for large magnitudes.
func isClose<Value: BinaryFloatingPoint>(_ actual: Value, _ expected: Value, tolerance: Value)
  -> Bool
{
  actual.isApproximatelyEqual(
    to: expected, absoluteTolerance: tolerance, relativeTolerance: tolerance)
}

func firstDifference(_ actual: [Float], _ expected: [Float], tolerance: Float) -> Int? {
  actual.indices.first { !isClose(actual[$0], expected[$0], tolerance: tolerance) }
}

func preview(_ values: [Float], limit: Int = 12) -> String {
  let shown = values.prefix(limit).map { "\($0)" }.joined(separator: ", ")
  return "[" + shown + (values.count > limit ? ", … (\(values.count) in all)]" : "]")
}

func suffix(_ comment: Comment?) -> String {
  comment.map { "\n  (\($0.rawValue))" } ?? ""
}
