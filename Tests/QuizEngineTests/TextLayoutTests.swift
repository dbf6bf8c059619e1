import QuizEngine
import Testing

@Suite("Terminal text layout")
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

  @Test("splits a word longer than the width between characters")
  func longWord() {
    let lines = TextLayout.wrap("abcdefghijklmnopqrstuvwxyz", width: 10)
    #expect(lines == ["abcdefghij", "klmnopqrst", "uvwxyz"])
  }

  @Test("keeps explicit line breaks")
  func paragraphs() {
    #expect(TextLayout.wrap("one\ntwo", width: 20) == ["one", "two"])
  }
}
