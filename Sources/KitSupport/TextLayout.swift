/// Wraps text to a width in terminal columns without ever splitting a character.
///
/// Latin text breaks at spaces; Chinese text may break between any two characters, except
/// that closing punctuation (`，。、；：！？）」`) never starts a line and opening punctuation
/// never ends one. A word longer than the width (a URL, a path) is never split: it gets a line
/// of its own and runs past the width. Terminal escape sequences take no columns and are never
/// split. Explicit line breaks are kept.
public enum TextLayout {
  /// Wraps every line of a text that is wider than a width, keeping its indentation.
  ///
  /// Lines that fit are left exactly as they are. A line that does not fit is wrapped at its
  /// spaces; its continuation lines are indented as far as its own indentation, or, for a list
  /// item (`- `, `* `, `• `, `1. `, `1) `), as far as the item's text, or, for a row of a
  /// two-column listing (a term, two or more spaces, its description, as in a usage text), as
  /// far as the description. The term and the gap after it are kept as they are.
  ///
  /// - Parameters:
  ///   - text: The text; it may end with a newline, which is kept.
  ///   - width: The widest a line may be, in columns; values below 10 are treated as 10.
  /// - Returns: The wrapped text.
  /// - Complexity: O(*n*) in the length of the text.
  public static func wrapLines(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      guard DisplayWidth.of(String(line)) > max(width, 10) else { return String(line) }
      let (lead, rest) = splitColumns(line, width: width) ?? splitLead(line)
      let indent = String(repeating: " ", count: DisplayWidth.of(lead))
      return wrap(String(rest), width: width, prefix: lead, indent: indent)
        .joined(separator: "\n")
    }.joined(separator: "\n")
  }

  /// Splits a row of a two-column listing into its term with the gap after it, and its
  /// description: `  --seed N     shuffle …` splits after the gap. The term is one or more
  /// words separated by single spaces; the gap is two or more spaces.
  ///
  /// - Returns: `nil` when the line has no such gap, or when the description would start in
  ///   the right half of the width (too little room to hang under it).
  static func splitColumns(_ line: Substring, width: Int) -> (lead: String, rest: Substring)? {
    guard let termStart = line.firstIndex(where: { $0 != " " }) else { return nil }
    var index = termStart
    while index < line.endIndex {
      guard line[index] == " " else {
        index = line.index(after: index)
        continue
      }
      let gapEnd = line[index...].firstIndex { $0 != " " } ?? line.endIndex
      guard gapEnd < line.endIndex else { return nil }
      if line.distance(from: index, to: gapEnd) >= 2 {
        let lead = String(line[..<gapEnd])
        guard DisplayWidth.of(lead) <= max(width, 10) / 2 else { return nil }
        return (lead, line[gapEnd...])
      }
      index = gapEnd
    }
    return nil
  }

  /// Splits a line into its indentation with any list marker, and the rest.
  static func splitLead(_ line: Substring) -> (lead: String, rest: Substring) {
    let indentEnd = line.firstIndex { $0 != " " && $0 != "\t" } ?? line.endIndex
    var markerEnd = indentEnd
    let afterIndent = line[indentEnd...]
    if let first = afterIndent.first, "-*•".contains(first),
      afterIndent.dropFirst().first == " "
    {
      markerEnd = line.index(indentEnd, offsetBy: 2)
    } else {
      let digits = afterIndent.prefix { $0.isASCII && $0.isNumber }
      let after = afterIndent.dropFirst(digits.count)
      if !digits.isEmpty, digits.count <= 3, let mark = after.first, mark == "." || mark == ")",
        after.dropFirst().first == " "
      {
        markerEnd = line.index(indentEnd, offsetBy: digits.count + 2)
      }
    }
    var end = markerEnd
    while end < line.endIndex, line[end] == " " { end = line.index(after: end) }
    return (String(line[..<end]), line[end...])
  }

  /// Wraps text to a width.
  ///
  /// - Parameters:
  ///   - text: The text; `\n` starts a new paragraph.
  ///   - width: The widest a line may be, in columns; values below 10 are treated as 10.
  ///   - prefix: Text put before the first line, e.g. `  1) `.
  ///   - indent: Text put before every other line (a hanging indent), e.g. spaces as wide
  ///     as the prefix.
  /// - Returns: The lines, without newlines, each at most `width` columns wide unless the
  ///   prefix or indent alone is wider.
  /// - Complexity: O(*n*) in the length of the text.
  public static func wrap(
    _ text: String, width: Int, prefix: String = "", indent: String = ""
  ) -> [String] {
    let width = max(width, 10)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines += wrapParagraph(
        paragraph, width: width, prefix: lines.isEmpty ? prefix : indent, indent: indent)
    }
    return lines
  }

  private static func wrapParagraph(
    _ text: Substring, width: Int, prefix: String, indent: String
  ) -> [String] {
    var lines: [String] = []
    var line = prefix
    var lineStart = DisplayWidth.of(prefix)
    var lineWidth = lineStart
    var pendingSpace = false
    func breakLine() {
      lines.append(line)
      line = indent
      lineStart = DisplayWidth.of(indent)
      lineWidth = lineStart
      pendingSpace = false
    }
    for token in tokens(text) {
      if token.allSatisfy(\.isWhitespace) {
        pendingSpace = lineWidth > lineStart
        continue
      }
      let tokenWidth = DisplayWidth.of(token)
      let needed = tokenWidth + (pendingSpace ? 1 : 0)
      if lineWidth + needed <= width {
        if pendingSpace { line += " " }
        line += token
        lineWidth += needed
        pendingSpace = false
        continue
      }
      if lineWidth > lineStart { breakLine() }
      pendingSpace = false
      line += token  // a token wider than a line runs past the width rather than split
      lineWidth += tokenWidth
    }
    lines.append(line)
    return lines
  }

  /// Splits text into units that must stay on one line: runs of spaces, Latin words (with any
  /// escape sequences in or around them), and single wide characters with any closing
  /// punctuation after them (and opening before).
  private static func tokens(_ text: Substring) -> [String] {
    var tokens: [String] = []
    var current = ""
    var openers = ""
    func flush() {
      if !current.isEmpty { tokens.append(current) }
      current = ""
    }
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      if let end = DisplayWidth.escapeSequenceEnd(in: characters, from: index) {
        if current.last?.isWhitespace ?? false { flush() }
        current += String(characters[index..<end])
        index = end
        continue
      }
      let character = characters[index]
      index += 1
      if character.isWhitespace {
        if !(current.last?.isWhitespace ?? false) { flush() }
        current.append(character)
        continue
      }
      if current.last?.isWhitespace ?? false { flush() }
      if noLineEnd.contains(character) {
        flush()
        openers.append(character)
        continue
      }
      if noLineStart.contains(character) {
        current.append(character)
        continue
      }
      if DisplayWidth.of(character) == 2 {
        flush()
        current = openers + String(character)
        openers = ""
        continue
      }
      if let last = current.last, DisplayWidth.of(last) == 2 { flush() }
      current += openers
      openers = ""
      current.append(character)
    }
    current += openers
    flush()
    return tokens
  }

  /// Characters that must not start a line.
  private static let noLineStart: Set<Character> = [
    "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "》", "〉", "】", "”", "’",
    ",", ".", ";", ":", "!", "?", ")", "]", "}", "…", "%", "·",
  ]

  /// Characters that must not end a line.
  private static let noLineEnd: Set<Character> = ["（", "「", "『", "《", "〈", "【", "“", "‘"]
}
