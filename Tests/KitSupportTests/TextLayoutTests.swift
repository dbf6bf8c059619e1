import KitSupport
import Testing

@Suite("Terminal text layout and wrapping")
struct TextLayoutTests {
  @Test("counts CJK and full-width characters as two columns and combining marks as none")
  func widths() {
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("剪枝") == 4)
    #expect(DisplayWidth.of("，。") == 4)
    #expect(DisplayWidth.of("Ａ１") == 4)
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("N:M 稀疏") == 8)
  }

  @Test("wraps English at spaces within the width")
  func english() {
    let lines = TextLayout.wrap("the quick brown fox jumps over the lazy dog", width: 15)
    #expect(lines == ["the quick brown", "fox jumps over", "the lazy dog"])
  }

  @Test("wraps Chinese between characters, never splitting one, within the width")
  func chinese() {
    let text = "稀疏性是指模型中大部分权重为零或接近零的状态，这可以大大减少模型的存储和计算需求。"
    let lines = TextLayout.wrap(text, width: 20)
    #expect(lines.joined() == text)
    for line in lines { #expect(DisplayWidth.of(line) <= 20, "\(line)") }
    #expect(lines.count == 5)
  }

  @Test("never starts a line with closing punctuation")
  func punctuation() {
    let lines = TextLayout.wrap("一二三四五，六七八", width: 10)
    #expect(lines == ["一二三四", "五，六七八"])
  }

  @Test("keeps Latin words, numbers and code whole in mixed text")
  func mixed() {
    let lines = TextLayout.wrap("使用 `layer.output` 和 0.5625 这两个值", width: 16)
    #expect(lines.contains { $0.contains("`layer.output`") })
    #expect(lines.contains { $0.contains("0.5625") })
    for line in lines { #expect(DisplayWidth.of(line) <= 16, "\(line)") }
  }

  @Test("puts the prefix on the first line and the hanging indent on the others")
  func hangingIndent() {
    let lines = TextLayout.wrap(
      "alpha beta gamma delta", width: 14, prefix: "  1) ", indent: "     ")
    #expect(lines == ["  1) alpha", "     beta", "     gamma", "     delta"])
  }

  @Test("never splits a word, URL or path longer than the width: it gets a line of its own")
  func longWord() {
    let lines = TextLayout.wrap("see https://example.org/a/very/long/path now", width: 12)
    #expect(lines == ["see", "https://example.org/a/very/long/path", "now"])
    let path = TextLayout.wrap("open Exercises/01-WeightPruning/README.md", width: 10)
    #expect(path == ["open", "Exercises/01-WeightPruning/README.md"])
  }

  @Test("ignores colour escape sequences in widths and never breaks inside one")
  func escapes() {
    let red = "\u{1B}[31m"
    let reset = "\u{1B}[0m"
    #expect(DisplayWidth.of(red + "FAIL" + reset) == 4)
    #expect(DisplayWidth.of("\u{1B}]8;;https://x.org\u{07}link\u{1B}]8;;\u{07}") == 4)
    let text = "one " + red + "two three" + reset + " four five"
    let lines = TextLayout.wrap(text, width: 10)
    #expect(lines == ["one " + red + "two", "three" + reset + " four", "five"])
    for line in lines {
      #expect(DisplayWidth.of(line) <= 10, "\(line)")
      // Every escape sequence is whole: an ESC is always followed by `[` and its final `m`.
      let pieces = line.split(separator: "\u{1B}", omittingEmptySubsequences: false).dropFirst()
      #expect(pieces.allSatisfy { $0.hasPrefix("[") && $0.contains("m") }, "\(line)")
    }
  }

  @Test("leaves lines that fit exactly as they are, aligned spaces included")
  func linesThatFit() {
    let text = "passed        5/5\n  FAIL  x\n"
    #expect(TextLayout.wrapLines(text, width: 20) == text)
  }

  @Test("wraps a long line under its own indentation, and a list item under its text")
  func wrapLinesIndentation() {
    let text =
      "  indented words that go on and on\n- a list item that goes on\n12. numbered item here"
    let wrapped = TextLayout.wrapLines(text, width: 16)
    #expect(
      wrapped.split(separator: "\n").map(String.init) == [
        "  indented words", "  that go on and", "  on",
        "- a list item", "  that goes on",
        "12. numbered", "    item here",
      ])
  }

  @Test("wraps a row of a two-column listing under its description, keeping the gap")
  func wrapLinesColumns() {
    let text = """
      Commands:
        status      every exercise with its checks
        hint NAME   the next hint level from HINTS.md
                    (or LEVEL)
      """
    let wrapped = TextLayout.wrapLines(text, width: 34)
    #expect(
      wrapped.split(separator: "\n").map(String.init) == [
        "Commands:",
        "  status      every exercise with",
        "              its checks",
        "  hint NAME   the next hint level",
        "              from HINTS.md",
        "              (or LEVEL)",
      ])
  }

  @Test("hangs under the indentation when a listing's description starts past half the width")
  func wrapLinesColumnsTooWide() {
    let text = "  a-very-long-option-name  its description goes on"
    #expect(
      TextLayout.wrapLines(text, width: 40).split(separator: "\n").map(String.init) == [
        "  a-very-long-option-name its", "  description goes on",
      ])
  }

  @Test("counts Chinese as two columns when wrapping a line of mixed text")
  func wrapLinesChinese() {
    let text = "- 剪枝是指把模型中不重要的权重置零，以减少存储和计算。"
    let lines = TextLayout.wrapLines(text, width: 20).split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") })
    for line in lines { #expect(DisplayWidth.of(line) <= 20, "\(line)") }
    let body = lines.map { String($0.dropFirst(2)) }.joined()
    #expect(body == String(text.dropFirst(2)))
  }

  @Test("the width: the terminal's when it reports one, else COLUMNS, else 80")
  func terminalWidth() {
    #expect(TerminalWidth.resolve(terminalColumns: 132, environment: ["COLUMNS": "60"]) == 132)
    #expect(TerminalWidth.resolve(terminalColumns: nil, environment: ["COLUMNS": "60"]) == 60)
    #expect(TerminalWidth.resolve(terminalColumns: 0, environment: ["COLUMNS": "x"]) == 80)
    #expect(TerminalWidth.resolve(terminalColumns: nil, environment: ["COLUMNS": "-3"]) == 80)
    #expect(TerminalWidth.resolve(terminalColumns: nil, environment: [:]) == 80)
  }

  @Test("a console wraps what it writes as lines to its width, and nothing without one")
  func consoleWraps() {
    let narrow = ScriptedConsole(input: [], columns: 12)
    narrow.line("the quick brown fox jumps")
    narrow.write("a prompt that is long > ")
    #expect(narrow.output == "the quick\nbrown fox\njumps\na prompt that is long > ")
    let unknown = ScriptedConsole(input: [])
    unknown.line("the quick brown fox jumps")
    #expect(unknown.output == "the quick brown fox jumps\n")
  }

  @Test("keeps explicit line breaks")
  func paragraphs() {
    #expect(TextLayout.wrap("one\ntwo", width: 20) == ["one", "two"])
  }
}
