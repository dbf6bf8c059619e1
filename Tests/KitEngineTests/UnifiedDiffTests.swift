import KitEngine
import Testing

@Suite("Unified diffs")
struct UnifiedDiffTests {
  @Test("Equal texts give no diff")
  func equal() {
    #expect(UnifiedDiff.render(old: "a\nb\n", new: "a\nb\n", oldName: "x", newName: "y").isEmpty)
  }

  @Test("A changed line shows as a removal and an addition with its context")
  func change() {
    let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n"
    let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n"
    let diff = UnifiedDiff.render(old: old, new: new, oldName: "yours", newName: "reference")
    #expect(
      diff == """
        --- yours
        +++ reference
        @@ -2,7 +2,7 @@
         2
         3
         4
        -5
        +five
         6
         7
         8

        """)
  }

  @Test("Changes far apart make separate hunks; additions to an empty text start at line 1")
  func hunks() {
    let old = (1...20).map(String.init).joined(separator: "\n")
    var lines = (1...20).map(String.init)
    lines[0] = "one"
    lines[19] = "twenty"
    let diff = UnifiedDiff.render(
      old: old, new: lines.joined(separator: "\n"), oldName: "a", newName: "b")
    #expect(
      diff.split(separator: "\n").filter { $0.hasPrefix("@@") } == [
        "@@ -1,4 +1,4 @@", "@@ -17,4 +17,4 @@",
      ])
    let added = UnifiedDiff.render(old: "", new: "x\ny\n", oldName: "a", newName: "b")
    #expect(added.contains("@@ -0,0 +1,2 @@\n+x\n+y\n"))
  }
}
