/// Wraps text to a width in terminal columns without ever splitting a character.
///
/// Latin text breaks at spaces; Chinese text may break between any two characters, except
/// that closing punctuation (`，。、；：！？）」`) never starts a line and opening punctuation
/// never ends one. A word longer than the width is split between characters. Explicit line
/// breaks are kept.
public enum TextLayout {
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
      if lineWidth + tokenWidth <= width {
        line += token
        lineWidth += tokenWidth
        continue
      }
      for character in token {  // longer than a line: split between characters
        let characterWidth = DisplayWidth.of(character)
        if lineWidth + characterWidth > width, lineWidth > lineStart { breakLine() }
        line.append(character)
        lineWidth += characterWidth
      }
    }
    lines.append(line)
    return lines
  }

  /// Splits text into units that must stay on one line: runs of spaces, Latin words, and
  /// single wide characters with any closing punctuation after them (and opening before).
  private static func tokens(_ text: Substring) -> [String] {
    var tokens: [String] = []
    var current = ""
    var openers = ""
    func flush() {
      if !current.isEmpty { tokens.append(current) }
      current = ""
    }
    for character in text {
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
