/// One plausible slip in a reference solution: a token replaced at one place in one file.
public struct Mutant: Hashable, Sendable, CustomStringConvertible {
  /// The file, relative to the package root.
  public var file: String

  /// The 1-based line of the change.
  public var line: Int

  /// The byte range the change replaces.
  public var range: Range<Int>

  /// The text that was there.
  public var original: String

  /// The text put in its place (empty when the token is dropped).
  public var replacement: String

  /// The line as it reads before the change, without indentation.
  public var context: String

  /// Creates a mutant.
  ///
  /// - Parameters:
  ///   - file: The file, relative to the package root.
  ///   - line: The 1-based line.
  ///   - range: The byte range replaced.
  ///   - original: The text that was there.
  ///   - replacement: The text put in its place.
  ///   - context: The line before the change.
  public init(
    file: String, line: Int, range: Range<Int>, original: String, replacement: String,
    context: String
  ) {
    self.file = file
    self.line = line
    self.range = range
    self.original = original
    self.replacement = replacement
    self.context = context
  }

  /// The change as a reader sees it: `` `<` → `<=` ``, or `` drop `abs` ``.
  public var change: String {
    replacement.isEmpty ? "drop `\(original)`" : "`\(original)` → `\(replacement)`"
  }

  /// Where and what: `Solutions/01-X/File.swift:12: `<` → `<=``.
  public var description: String { "\(file):\(line): \(change)" }

  /// The file's text with the change made.
  ///
  /// - Parameter source: The file's original text.
  /// - Returns: The mutated text.
  public func applied(to source: String) -> String {
    var bytes = Array(source.utf8)
    bytes.replaceSubrange(range, with: Array(replacement.utf8))
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// Generates the mutants of a Swift file: the slips a learner plausibly makes.
///
/// The operators are: arithmetic `+ − * /` (and their compound assignments) swapped; the
/// comparison bounds `<` ↔ `<=`, `>` ↔ `>=`, `==` ↔ `!=` and the ranges `..<` ↔ `...`;
/// `&&` ↔ `||`; the rounding rule `.toNearestOrEven` to `.toNearestOrAwayFromZero`, `.down`
/// and `.up` (and back; `.down` ↔ `.up` on a line that rounds); an integer literal one more
/// and one less; `min` ↔ `max`; a dropped `abs` or `.magnitude`. Binary operators change
/// only where written as binary operators (space on both sides, as the format writes them);
/// comments, doc comments and string literals are never touched.
public enum MutantGenerator {
  /// The mutants of one file, in source order.
  ///
  /// - Parameters:
  ///   - text: The file's text.
  ///   - file: The file's path relative to the package root, for the report.
  /// - Returns: The mutants.
  /// - Complexity: O(*n* · *m*) for *n* bytes and *m* mutants (each computes its line).
  public static func mutants(of text: String, file: String) -> [Mutant] {
    let source = SwiftSource(text)
    let tokens = source.tokens()
    let bytes = source.bytes
    var result: [Mutant] = []
    func add(_ range: Range<Int>, _ original: String, _ replacement: String) {
      result.append(
        Mutant(
          file: file, line: source.line(of: range.lowerBound), range: range,
          original: original, replacement: replacement,
          context: source.lineText(at: range.lowerBound)))
    }
    func byte(_ offset: Int) -> UInt8 { offset >= 0 && offset < bytes.count ? bytes[offset] : 0 }
    for (position, token) in tokens.enumerated() {
      let (range, text) = token
      let previous = position > 0 ? tokens[position - 1].text : ""
      let next = position + 1 < tokens.count ? tokens[position + 1].text : ""
      let spaced =
        SwiftSource.isSpace(byte(range.lowerBound - 1))
        && SwiftSource.isSpace(byte(range.upperBound))
      if spaced, let swaps = binarySwaps[text] {
        for swap in swaps { add(range, text, swap) }
      } else if text == "..<" || text == "...", isOperand(byte(range.lowerBound - 1)),
        isOperand(byte(range.upperBound))
      {
        add(range, text, text == "..<" ? "..." : "..<")
      } else if previous == ".", let rules = roundingSwaps[text] {
        let rounds = source.lineText(at: range.lowerBound).contains("round")
        if text == "toNearestOrEven" || text == "toNearestOrAwayFromZero" || rounds {
          for rule in rules { add(range, text, rule) }
        }
      } else if (text == "min" || text == "max") && next == "(" {
        add(range, text, text == "min" ? "max" : "min")
      } else if text == "abs" && next == "(" && previous != "." && previous != "func" {
        add(range, text, "")
      } else if text == "magnitude" && previous == "." {
        add((range.lowerBound - 1)..<range.upperBound, ".magnitude", "")
      } else if previous != ".", let value = Int(text), text.allSatisfy(\.isNumber) {
        add(range, text, String(value + 1))
        if value > 0 { add(range, text, String(value - 1)) }
      }
    }
    return result
  }

  private static let binarySwaps: [String: [String]] = [
    "+": ["-"], "-": ["+"], "*": ["/"], "/": ["*"],
    "+=": ["-="], "-=": ["+="], "*=": ["/="], "/=": ["*="],
    "<": ["<="], "<=": ["<"], ">": [">="], ">=": [">"], "==": ["!="], "!=": ["=="],
    "&&": ["||"], "||": ["&&"],
  ]

  private static let roundingSwaps: [String: [String]] = [
    "toNearestOrEven": ["toNearestOrAwayFromZero", "down", "up"],
    "toNearestOrAwayFromZero": ["toNearestOrEven"],
    "down": ["up"],
    "up": ["down"],
  ]

  private static func isOperand(_ byte: UInt8) -> Bool {
    SwiftSource.isIdentifierBody(byte) || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]")
      || byte == UInt8(ascii: "(")
  }
}
