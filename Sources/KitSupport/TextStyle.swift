/// Colour and emphasis for terminal output, named by meaning and used only where they belong.
///
/// Colour is on only when standard output is a terminal, `NO_COLOR` is unset or empty,
/// `TERM` is not `dumb` and no `--no-color` flag was given (the no-color.org convention).
/// Every status is also said in words, so nothing depends on colour alone.
public struct TextStyle: Hashable, Sendable {
  /// Whether escape sequences are written.
  public var usesColor: Bool

  /// Creates a style.
  ///
  /// - Parameter usesColor: Whether escape sequences are written.
  public init(usesColor: Bool) {
    self.usesColor = usesColor
  }

  /// Plain text, for pipes, files and tests.
  public static let plain = TextStyle(usesColor: false)

  /// Decides whether to colour output.
  ///
  /// - Parameters:
  ///   - isTerminal: Whether standard output is a terminal.
  ///   - environment: The process environment.
  ///   - noColorFlag: Whether the tool was given `--no-color`.
  /// - Returns: A style that colours only when every condition allows it.
  public static func detect(
    isTerminal: Bool, environment: [String: String], noColorFlag: Bool = false
  ) -> TextStyle {
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let dumb = environment["TERM"] == "dumb"
    return TextStyle(usesColor: isTerminal && !noColor && !dumb && !noColorFlag)
  }

  /// Green: a pass, a right answer.
  public func success(_ text: String) -> String { paint(text, "32") }

  /// Red: a failure, a wrong answer, a crash, a time-out or a compile error.
  public func failure(_ text: String) -> String { paint(text, "31") }

  /// Yellow: work in progress, a skipped question, a warning.
  public func warning(_ text: String) -> String { paint(text, "33") }

  /// Bold: what to read first, such as a question or the next step.
  public func emphasis(_ text: String) -> String { paint(text, "1") }

  /// Bold: a heading.
  public func heading(_ text: String) -> String { paint(text, "1") }

  /// Dim: what needs no attention, such as sources and hints.
  public func dim(_ text: String) -> String { paint(text, "2") }

  private func paint(_ text: String, _ code: String) -> String {
    usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
