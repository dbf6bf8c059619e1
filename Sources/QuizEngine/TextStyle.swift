/// Colour and emphasis for terminal output, used only where they belong.
///
/// Colour is on only when standard output is a terminal, `NO_COLOR` is unset or empty,
/// `TERM` is not `dumb` and `--no-color` was not given (the no-color.org convention). Every
/// verdict is also said in words, so nothing depends on colour alone.
public struct TextStyle: Hashable, Sendable {
  /// Whether escape sequences are written.
  public var usesColor: Bool

  /// Creates a style.
  ///
  /// - Parameter usesColor: Whether escape sequences are written.
  public init(usesColor: Bool) {
    self.usesColor = usesColor
  }

  /// Decides whether to colour output.
  ///
  /// - Parameters:
  ///   - isTerminal: Whether standard output is a terminal.
  ///   - environment: The process environment.
  ///   - noColorFlag: Whether `--no-color` was given.
  /// - Returns: A style that colours only when every condition allows it.
  public static func detect(
    isTerminal: Bool, environment: [String: String], noColorFlag: Bool
  ) -> TextStyle {
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let dumb = environment["TERM"] == "dumb"
    return TextStyle(usesColor: isTerminal && !noColor && !dumb && !noColorFlag)
  }

  /// Green: a right answer.
  public func good(_ text: String) -> String { paint(text, "1;32") }

  /// Red: a wrong answer.
  public func bad(_ text: String) -> String { paint(text, "1;31") }

  /// Yellow: a skipped question, a warning.
  public func warn(_ text: String) -> String { paint(text, "33") }

  /// Bold: headings and questions.
  public func bold(_ text: String) -> String { paint(text, "1") }

  /// Dim: sources and hints.
  public func dim(_ text: String) -> String { paint(text, "2") }

  private func paint(_ text: String, _ code: String) -> String {
    usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
