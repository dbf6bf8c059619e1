/// Helpers for the regular expressions `swift test --filter` takes.
public enum TestFilter {
  /// Escapes every character that has a meaning in a regular expression.
  ///
  /// - Parameter text: Literal text, such as a test target name.
  /// - Returns: A pattern that matches `text` literally.
  public static func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
      if "\\^$.|?*+()[]{}".contains(character) {
        result.append("\\")
      }
      result.append(character)
    }
    return result
  }

  /// A pattern that selects every test of the given targets.
  ///
  /// - Parameter targets: Test target names; at least one.
  /// - Returns: `^(A|B)\.` for targets `A` and `B`.
  public static func anyOf(_ targets: [String]) -> String {
    "^(" + targets.map(escaped).joined(separator: "|") + ")\\."
  }
}
