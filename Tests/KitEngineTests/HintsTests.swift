import KitEngine
import Testing

@Suite("Reading HINTS.md")
struct HintsTests {
  let markdown = """
    # Hints: 01 WeightPruning

    Read one level at a time.

    ## Level 1: where to start

    - **pruneWeights**: check the threshold first.

    ## Level 2: the rules that trip people up

    - **pruneWeights**: strict `<`.
    - **pruneCount**: half to even.

    ## Notes for maintainers

    Not a hint.
    """

  @Test("The title, introduction and levels are read, each level's text without blank edges")
  func parse() {
    let document = HintsDocument(markdown: markdown)
    #expect(document.title == "Hints: 01 WeightPruning")
    #expect(document.introduction == "Read one level at a time.")
    #expect(document.levels.map(\.number) == [1, 2])
    #expect(document.levels.map(\.title) == ["where to start", "the rules that trip people up"])
    #expect(document.level(1)?.body == "- **pruneWeights**: check the threshold first.")
    #expect(document.level(2)?.body.split(separator: "\n").count == 2)
  }

  @Test("A heading that is not a level ends the level before it and is not a level")
  func otherHeadings() {
    let document = HintsDocument(markdown: markdown)
    #expect(document.level(2)?.body.contains("Not a hint") == false)
    #expect(document.level(3) == nil)
  }

  @Test("Levels are numbered by their heading, in any order, with or without a title")
  func numbering() {
    let document = HintsDocument(markdown: "## Level 2\nb\n## level 1. first\na\n")
    #expect(document.levels.map(\.number) == [1, 2])
    #expect(document.level(1)?.title == "first")
    #expect(document.level(2)?.title == "")
    #expect(HintsDocument(markdown: "no levels here").levels.isEmpty)
  }
}
