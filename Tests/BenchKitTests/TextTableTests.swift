import BenchKit
import Testing

@Suite("Aligned text tables")
struct TextTableTests {
  @Test("Left columns pad on the right, right columns on the left, two spaces between")
  func alignment() {
    var table = TextTable(columns: [.init("kernel"), .init("median", alignment: .right)])
    table.append(["plain copy", "6.10 ms"])
    table.append(["pruneWeights(_:threshold:)", "812 µs"])
    #expect(
      table.lines() == [
        "kernel                       median",
        "plain copy                  6.10 ms",
        "pruneWeights(_:threshold:)   812 µs",
      ])
  }

  @Test("Every line of a right-aligned last column ends in the same column")
  func rightEdges() {
    var table = TextTable(columns: [.init("a"), .init("b", alignment: .right)])
    for cells in [["x", "1"], ["longer", "22"], ["", "333"]] { table.append(cells) }
    let lengths = Set(table.lines().map(\.count))
    #expect(lengths.count == 1)
  }

  @Test("No line ends in spaces, missing cells are blank, and indent applies to every line")
  func trailingSpacesAndIndent() {
    var table = TextTable(columns: [.init("a"), .init("b")])
    table.append(["first"])
    table.append(["x", "y"])
    let lines = table.lines(indent: 2)
    #expect(lines.allSatisfy { $0.hasPrefix("  ") && !$0.hasSuffix(" ") })
    #expect(lines[1] == "  first")
    #expect(table.render(indent: 2) == lines.joined(separator: "\n"))
  }
}
