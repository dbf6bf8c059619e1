import Foundation

/// Reads the errors out of `swift build` output.
public enum BuildLog {
  /// The located errors in build output, in order, without repeats.
  ///
  /// A located error is a line `PATH:LINE:COLUMN: error: MESSAGE`; the lines after it that are
  /// neither another diagnostic nor a build-progress line (`[12/80] Compiling …`) are its excerpt.
  ///
  /// - Parameter output: Everything `swift build` printed.
  /// - Returns: The errors, first reported first.
  /// - Complexity: O(*n*) in the length of the output.
  public static func errors(in output: String) -> [CompilerDiagnostic] {
    var diagnostics: [CompilerDiagnostic] = []
    var seen: Set<String> = []
    var current: CompilerDiagnostic?
    func finish() {
      if let diagnostic = current {
        let key = "\(diagnostic.location.text):\(diagnostic.message)"
        if seen.insert(key).inserted { diagnostics.append(diagnostic) }
      }
      current = nil
    }
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
      if let (location, severity, message) = header(line) {
        finish()
        if severity == "error" {
          current = CompilerDiagnostic(location: location, message: message)
        }
      } else if line.hasPrefix("[") || line.hasPrefix("error:") || line.hasPrefix("warning:") {
        finish()
      } else if current != nil {
        if line.trimmingCharacters(in: .whitespaces).isEmpty {
          finish()
        } else {
          current?.excerpt.append(String(line))
        }
      }
    }
    finish()
    return diagnostics
  }

  /// The first error line without a location (such as a SwiftPM error), if any.
  ///
  /// - Parameter output: Everything `swift build` printed.
  /// - Returns: The text after `error: ` of the first such line.
  public static func firstGeneralError(in output: String) -> String? {
    for line in output.split(separator: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("error: ") {
        return String(trimmed.dropFirst("error: ".count))
      }
    }
    return nil
  }

  /// Splits `PATH:LINE:COLUMN: SEVERITY: MESSAGE` into its parts.
  private static func header(
    _ line: Substring
  ) -> (SourceLocation, severity: String, message: String)? {
    for severity in ["error", "warning", "note"] {
      guard let marker = line.range(of: ": \(severity): ") else { continue }
      let place = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
      guard place.count >= 3, let lineNumber = Int(place[place.count - 2]),
        let column = Int(place[place.count - 1])
      else { continue }
      let path = place.dropLast(2).joined(separator: ":")
      guard !path.isEmpty, !path.hasPrefix(" ") else { continue }
      let location = SourceLocation(path: path, line: lineNumber, column: column)
      return (location, severity, String(line[marker.upperBound...]))
    }
    return nil
  }
}
