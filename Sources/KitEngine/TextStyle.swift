/// Colours and emphasis for terminal output, switched off where they do not belong.
///
/// Colour is used only when standard output is a terminal, `NO_COLOR` is unset or empty, and
/// `TERM` is not `dumb` (the no-color.org convention). Every status is also said in words, so
/// nothing depends on colour alone.
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
  /// - Returns: A style that colours only when all three conditions hold.
  public static func detect(isTerminal: Bool, environment: [String: String]) -> TextStyle {
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let dumb = environment["TERM"] == "dumb"
    return TextStyle(usesColor: isTerminal && !noColor && !dumb)
  }

  /// Green: a pass.
  public func green(_ text: String) -> String { paint(text, "32") }

  /// Red: a failure, crash, time-out or compile error.
  public func red(_ text: String) -> String { paint(text, "31") }

  /// Yellow: work in progress.
  public func yellow(_ text: String) -> String { paint(text, "33") }

  /// Dim: what needs no attention.
  public func dim(_ text: String) -> String { paint(text, "2") }

  /// Bold: headings and the next step.
  public func bold(_ text: String) -> String { paint(text, "1") }

  private func paint(_ text: String, _ code: String) -> String {
    usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
