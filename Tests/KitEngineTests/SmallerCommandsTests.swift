import KitEngine
import KitSupport
import Testing

@Suite("Smaller conveniences: one solution file, rendered hints, suggestions, --help")
struct SmallerCommandsTests {
  @Test("An unknown option points to --help")
  func unknownOption() {
    #expect(throws: KitError.usage("unknown option '--nonsense'; `kit --help` lists the options")) {
      try KitInvocation.parse(["--nonsense"])
    }
  }

  @Test("solution NAME FILE asks for one file, by file or function name")
  func oneSolutionFile() throws {
    let parsed = try KitInvocation.parse(["solution", "weight", "PruneCount.swift"]).command
    #expect(parsed == .solution("weight", diff: false, only: "PruneCount.swift"))
    let reveal = SolutionReveal(
      catalogue: Fixtures.miniCatalogue(root: Fixtures.folder + "/MiniKit"), style: .plain)
    let exercise = Exercise(number: "01", name: "Passing")
    let byFile = try reveal.files(of: exercise, matching: "total")
    #expect(byFile == ["Solutions/01-Passing/Total.swift"])
    let byFunction = try reveal.files(of: exercise, matching: "total(_:)")
    #expect(byFunction == ["Solutions/01-Passing/Total.swift"])
    #expect(throws: KitError.self) { try reveal.files(of: exercise, matching: "nothing") }
  }

  @Test("Hints render Markdown emphasis instead of printing the markers; code stays as written")
  func hintEmphasis() {
    let text = "Round **half to even**, *not* _up_; see `a*b*c` and 2 * 3 * 4."
    let plain = HintsDocument.rendered(text, style: .plain)
    #expect(plain == "Round half to even, not up; see `a*b*c` and 2 * 3 * 4.")
    let bold = HintsDocument.rendered("**k**", style: TextStyle(usesColor: true))
    #expect(bold.contains("\u{1B}[1mk"))
  }

  @Test("Hints join a paragraph's lines so the console wraps them once, keeping lists and code")
  func hintParagraphs() {
    let text = """
      ## Level 1

      - **pruneWeights**: check the threshold first, then the weights
        (`validateFinite()`). The rest is one pass over
        `weights.scalars`.
      - **pruneCount**: a `switch`.
      1. first
      2) second
      A paragraph that goes
      on here.

      ```swift
      let a = 1
      let b = 2
      ```
      | a | b |
      |---|---|
          indented code
      """
    #expect(
      HintsDocument.unwrapped(text).split(separator: "\n", omittingEmptySubsequences: false) == [
        "## Level 1", "",
        "- **pruneWeights**: check the threshold first, then the weights (`validateFinite()`). "
          + "The rest is one pass over `weights.scalars`.",
        "- **pruneCount**: a `switch`.", "1. first", "2) second A paragraph that goes on here.",
        "", "```swift", "let a = 1", "let b = 2", "```", "| a | b |", "|---|---|",
        "    indented code",
      ])
    let shown = TextLayout.wrapLines(
      HintsDocument.terminalText(text, style: .plain), width: 40)
    #expect(shown.contains("- pruneWeights: check the threshold"))
    #expect(shown.contains("\n  (`validateFinite()`). The rest is one"))
  }

  @Test("A misspelt exercise name suggests the closest one")
  func didYouMean() {
    let known = ["01 WeightPruning (weight)", "04 SparseFormats (sparse)"]
    let message = KitError.unknownExercise("wieght", known: known).description
    #expect(message.contains("did you mean 01 WeightPruning (weight)?"))
    let far = KitError.unknownExercise("banana", known: known).description
    #expect(!far.contains("did you mean"))
  }
}
