import KitSupport

/// One level of an exercise's hints.
public struct HintLevel: Hashable, Sendable {
  /// The level number, from 1.
  public var number: Int

  /// The level's title, such as "where to start".
  public var title: String

  /// The level's text, as written (Markdown), without surrounding blank lines.
  public var body: String

  /// Creates a level.
  ///
  /// - Parameters:
  ///   - number: The level number.
  ///   - title: The level's title.
  ///   - body: The level's text.
  public init(number: Int, title: String, body: String) {
    self.number = number
    self.title = title
    self.body = body
  }
}

/// An exercise's `HINTS.md`: a title, an introduction and graded levels.
///
/// The format is
/// ```
/// # Hints: 01 WeightPruning
///
/// An introduction paragraph.
///
/// ## Level 1: where to start
/// …
/// ## Level 2: the rules that trip people up
/// …
/// ```
/// Any other `## ` heading ends the level before it and is not shown.
public struct HintsDocument: Hashable, Sendable {
  /// The `# ` heading's text.
  public var title: String

  /// The text between the title and the first level.
  public var introduction: String

  /// The levels, in increasing order.
  public var levels: [HintLevel]

  /// Parses a `HINTS.md`.
  ///
  /// - Parameter markdown: The file's contents.
  /// - Complexity: O(*n*) in the length of the text.
  public init(markdown: String) {
    var title = ""
    var introduction: [String] = []
    var levels: [HintLevel] = []
    var current: (number: Int, title: String, body: [String])?
    var inIntroduction = true
    func finish() {
      if let level = current {
        levels.append(
          HintLevel(number: level.number, title: level.title, body: Self.trimmed(level.body)))
      }
      current = nil
    }
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("# ") && title.isEmpty && current == nil {
        title = String(line.dropFirst(2)).trimmingSpaces
      } else if line.hasPrefix("## ") {
        finish()
        inIntroduction = false
        if let level = Self.levelHeading(line) {
          current = (level.number, level.title, [])
        }
      } else if current != nil {
        current?.body.append(line)
      } else if inIntroduction {
        introduction.append(line)
      }
    }
    finish()
    self.title = title
    self.introduction = Self.trimmed(introduction)
    self.levels = levels.sorted { $0.number < $1.number }
  }

  /// Looks a level up by number.
  ///
  /// - Parameter number: The level number.
  /// - Returns: The level, or `nil` when the file has no such level.
  public func level(_ number: Int) -> HintLevel? {
    levels.first { $0.number == number }
  }

  /// Reads `## Level N: title` (the colon and title are optional).
  private static func levelHeading(_ line: String) -> (number: Int, title: String)? {
    let text = line.dropFirst(3).trimmingSpaces
    guard text.lowercased().hasPrefix("level ") else { return nil }
    let rest = text.dropFirst("level ".count)
    let digits = rest.prefix { $0.isNumber }
    guard let number = Int(digits) else { return nil }
    let title = rest.dropFirst(digits.count).drop { $0 == ":" || $0 == " " || $0 == "." }
    return (number, String(title).trimmingSpaces)
  }

  /// Joins lines, dropping blank lines at the start and the end.
  private static func trimmed(_ lines: [String]) -> String {
    var lines = lines[...]
    while lines.first?.trimmingSpaces.isEmpty == true { lines.removeFirst() }
    while lines.last?.trimmingSpaces.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}

extension HintsDocument {
  /// A hint level as the terminal shows it: Markdown's soft line breaks joined
  /// (``unwrapped(_:)``), then emphasis rendered (``rendered(_:style:)``), ready for the
  /// console to wrap to its width.
  ///
  /// - Parameters:
  ///   - markdown: A hint level's text.
  ///   - style: Bold, or none.
  /// - Returns: The text to print.
  public static func terminalText(_ markdown: String, style: TextStyle) -> String {
    rendered(unwrapped(markdown), style: style)
  }

  /// Joins the lines of each paragraph and list item, as Markdown reads a single line break
  /// inside them: as a space. A blank line, a heading (`#`), a list item (`- `, `* `, `1. `),
  /// a table row (`|`), a line indented four or more columns past its item, and everything
  /// inside a fenced code block (```` ``` ````) start a line of their own.
  ///
  /// So a hint written at 100 columns is wrapped once, to the terminal's width, rather than
  /// broken twice.
  ///
  /// - Parameter markdown: The text.
  /// - Returns: The text with soft line breaks replaced by spaces.
  /// - Complexity: O(*n*) in the length of the text.
  public static func unwrapped(_ markdown: String) -> String {
    var lines: [String] = []
    var inFence = false
    var joinable = false
    for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      let trimmed = line.drop { $0 == " " }
      if trimmed.hasPrefix("```") {
        inFence.toggle()
        lines.append(line)
        joinable = false
        continue
      }
      if inFence || trimmed.isEmpty {
        lines.append(line)
        joinable = false
        continue
      }
      let indent = line.count - trimmed.count
      let startsBlock =
        trimmed.hasPrefix("#") || trimmed.hasPrefix("|") || trimmed.hasPrefix("- ")
        || trimmed.hasPrefix("* ") || trimmed.hasPrefix("> ") || startsNumberedItem(trimmed)
      if joinable, !startsBlock, indent < 4, let last = lines.popLast() {
        lines.append(last + " " + trimmed)
      } else {
        lines.append(line)
      }
      joinable = !trimmed.hasPrefix("#") && !trimmed.hasPrefix("|")
    }
    return lines.joined(separator: "\n")
  }

  /// Whether a line starts a numbered list item (`1. ` or `1) `).
  private static func startsNumberedItem(_ line: Substring) -> Bool {
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    let rest = line.dropFirst(digits.count)
    return !digits.isEmpty && (rest.hasPrefix(". ") || rest.hasPrefix(") "))
  }

  /// Markdown emphasis rendered for a terminal: `**strong**` in bold (plain text without
  /// colour), `*emphasis*` and `_emphasis_` as plain text; code spans and everything else as
  /// written.
  ///
  /// - Parameters:
  ///   - markdown: A hint level's text.
  ///   - style: Bold, or none.
  /// - Returns: The text without emphasis markers outside code spans.
  public static func rendered(_ markdown: String, style: TextStyle) -> String {
    var output = ""
    var inCode = false
    var index = markdown.startIndex
    while index < markdown.endIndex {
      let character = markdown[index]
      if character == "`" {
        inCode.toggle()
        output.append(character)
        index = markdown.index(after: index)
        continue
      }
      if !inCode, markdown[index...].hasPrefix("**"),
        let close = markdown[markdown.index(index, offsetBy: 2)...].range(of: "**"),
        !markdown[markdown.index(index, offsetBy: 2)..<close.lowerBound].contains("\n")
      {
        output += style.emphasis(
          String(markdown[markdown.index(index, offsetBy: 2)..<close.lowerBound]))
        index = close.upperBound
        continue
      }
      if !inCode, character == "*" || character == "_",
        isBoundary(before: index, in: markdown),
        let next = markdown.index(index, offsetBy: 1, limitedBy: markdown.endIndex),
        next < markdown.endIndex, !markdown[next].isWhitespace,
        let close = markdown[next...].firstIndex(of: character),
        !markdown[next..<close].contains("\n"),
        isBoundary(after: close, in: markdown)
      {
        output += markdown[next..<close]
        index = markdown.index(after: close)
        continue
      }
      output.append(character)
      index = markdown.index(after: index)
    }
    return output
  }

  private static func isBoundary(before index: String.Index, in text: String) -> Bool {
    index == text.startIndex
      || !text[text.index(before: index)].isLetter
        && !text[text.index(before: index)].isNumber
  }

  private static func isBoundary(after index: String.Index, in text: String) -> Bool {
    let next = text.index(after: index)
    return next == text.endIndex || !text[next].isLetter && !text[next].isNumber
  }
}
