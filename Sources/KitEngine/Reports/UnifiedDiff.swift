/// A line-by-line difference between two texts, in the unified format `diff -u` prints.
public enum UnifiedDiff {
  /// One step of an edit script.
  enum Step: Equatable {
    case same(String)
    case removed(String)
    case added(String)

    var isChange: Bool {
      if case .same = self { return false }
      return true
    }
  }

  /// The unified diff from `old` to `new`, or an empty string when they are equal.
  ///
  /// - Parameters:
  ///   - old: The text before.
  ///   - new: The text after.
  ///   - oldName: The name shown on the `---` line.
  ///   - newName: The name shown on the `+++` line.
  ///   - context: Unchanged lines shown around each change; 3 by default.
  /// - Returns: The `---`/`+++` header and `@@` hunks, each line ending with a newline.
  /// - Complexity: O(*n* · *m*) time and space for texts of *n* and *m* lines.
  public static func render(
    old: String,
    new: String,
    oldName: String,
    newName: String,
    context: Int = 3
  ) -> String {
    let steps = script(from: lines(of: old), to: lines(of: new))
    guard steps.contains(where: \.isChange) else { return "" }

    var output = "--- \(oldName)\n+++ \(newName)\n"
    let changed = steps.indices.filter { steps[$0].isChange }
    var groups: [ClosedRange<Int>] = []
    for index in changed {
      let range = max(0, index - context)...min(steps.count - 1, index + context)
      if let last = groups.last, range.lowerBound <= last.upperBound + 1 {
        groups[groups.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
      } else {
        groups.append(range)
      }
    }
    for group in groups {
      var oldStart = 1
      var newStart = 1
      for step in steps[..<group.lowerBound] {
        switch step {
        case .same:
          oldStart += 1
          newStart += 1
        case .removed: oldStart += 1
        case .added: newStart += 1
        }
      }
      let slice = steps[group]
      let oldCount = slice.count { if case .added = $0 { return false } else { return true } }
      let newCount = slice.count { if case .removed = $0 { return false } else { return true } }
      output +=
        "@@ -\(range(oldCount == 0 ? oldStart - 1 : oldStart, oldCount)) "
        + "+\(range(newCount == 0 ? newStart - 1 : newStart, newCount)) @@\n"
      for step in slice {
        switch step {
        case .same(let line): output += " \(line)\n"
        case .removed(let line): output += "-\(line)\n"
        case .added(let line): output += "+\(line)\n"
        }
      }
    }
    return output
  }

  /// The lines of a text; a final newline does not start an extra empty line.
  static func lines(of text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// A shortest edit script from `a` to `b`, found through the longest common subsequence.
  static func script(from a: [String], to b: [String]) -> [Step] {
    let n = a.count
    let m = b.count
    var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    var steps: [Step] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n && j < m && a[i] == b[j] {
        steps.append(.same(a[i]))
        i += 1
        j += 1
      } else if j < m && (i == n || table[i][j + 1] > table[i + 1][j]) {
        steps.append(.added(b[j]))
        j += 1
      } else {
        steps.append(.removed(a[i]))
        i += 1
      }
    }
    return steps
  }

  private static func range(_ start: Int, _ count: Int) -> String {
    count == 1 ? "\(start)" : "\(start),\(count)"
  }
}
