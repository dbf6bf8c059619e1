import Foundation

/// A Swift source file read as bytes, with each byte marked as code or as part of a comment
/// or a string literal (doc comments and interpolations included).
///
/// The scan is lexical, as a highlighter's: it knows `//` and nested `/* */` comments, `"…"`,
/// `"""…"""` and raw `#"…"#` strings, and nothing of the grammar. It is what both the
/// inventory check (which function bodies throw `.notImplemented`) and the mutant generator
/// (which tokens may change) read.
public struct SwiftSource: Sendable {
  /// The file's bytes (UTF-8).
  public let bytes: [UInt8]

  /// For each byte, whether it is code (outside comments and string literals).
  public let isCode: [Bool]

  /// Scans a file's text.
  ///
  /// - Parameter text: The source text.
  /// - Complexity: O(*n*) in the length of the text.
  public init(_ text: String) {
    let bytes = Array(text.utf8)
    var isCode = [Bool](repeating: true, count: bytes.count)
    var index = 0
    func at(_ offset: Int) -> UInt8 { offset < bytes.count ? bytes[offset] : 0 }
    func mark(_ range: Range<Int>) {
      for offset in range where offset < bytes.count { isCode[offset] = false }
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "/") && at(index + 1) == UInt8(ascii: "/") {
        let start = index
        while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
        mark(start..<index)
      } else if byte == UInt8(ascii: "/") && at(index + 1) == UInt8(ascii: "*") {
        let start = index
        var depth = 0
        repeat {
          if at(index) == UInt8(ascii: "/") && at(index + 1) == UInt8(ascii: "*") {
            depth += 1
            index += 2
          } else if at(index) == UInt8(ascii: "*") && at(index + 1) == UInt8(ascii: "/") {
            depth -= 1
            index += 2
          } else {
            index += 1
          }
        } while depth > 0 && index < bytes.count
        mark(start..<index)
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "#") {
        var hashes = 0
        while at(index + hashes) == UInt8(ascii: "#") { hashes += 1 }
        guard at(index + hashes) == UInt8(ascii: "\"") else {
          index += max(hashes, 1)
          continue
        }
        let start = index
        index += hashes
        let multiline =
          at(index + 1) == UInt8(ascii: "\"") && at(index + 2) == UInt8(ascii: "\"")
        let quotes = multiline ? 3 : 1
        index += quotes
        while index < bytes.count {
          if hashes == 0 && bytes[index] == UInt8(ascii: "\\") {
            index += 2
            continue
          }
          if bytes[index] == UInt8(ascii: "\"")
            && (0..<quotes).allSatisfy({ at(index + $0) == UInt8(ascii: "\"") })
            && (0..<hashes).allSatisfy({ at(index + quotes + $0) == UInt8(ascii: "#") })
          {
            index += quotes + hashes
            break
          }
          if !multiline && bytes[index] == UInt8(ascii: "\n") { break }
          index += 1
        }
        mark(start..<index)
      } else {
        index += 1
      }
    }
    self.bytes = bytes
    self.isCode = isCode
  }

  /// The 1-based line of a byte offset.
  ///
  /// - Parameter offset: A byte offset into ``bytes``.
  /// - Returns: The line number.
  /// - Complexity: O(*n*).
  public func line(of offset: Int) -> Int {
    1 + bytes[..<min(offset, bytes.count)].count { $0 == UInt8(ascii: "\n") }
  }

  /// The text of the line holding a byte offset, without its indentation.
  ///
  /// - Parameter offset: A byte offset into ``bytes``.
  /// - Returns: The line's text.
  public func lineText(at offset: Int) -> String {
    var start = min(offset, bytes.count)
    while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
    var end = min(offset, bytes.count)
    while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
      .trimmingCharacters(in: .whitespaces)
  }

  /// The code tokens, in order: identifiers, numbers, operators and single punctuation bytes.
  ///
  /// - Returns: Each token's byte range and text.
  public func tokens() -> [(range: Range<Int>, text: String)] {
    var result: [(range: Range<Int>, text: String)] = []
    var index = 0
    func at(_ offset: Int) -> UInt8 { offset < bytes.count ? bytes[offset] : 0 }
    while index < bytes.count {
      guard isCode[index], !Self.isSpace(bytes[index]) else {
        index += 1
        continue
      }
      let start = index
      let byte = bytes[index]
      if Self.isIdentifierHead(byte) {
        while index < bytes.count && isCode[index] && Self.isIdentifierBody(bytes[index]) {
          index += 1
        }
      } else if Self.isDigit(byte) {
        while index < bytes.count && isCode[index] {
          let next = bytes[index]
          if Self.isIdentifierBody(next) {
            index += 1
          } else if next == UInt8(ascii: "."), Self.isDigit(at(index + 1)) {
            index += 1
          } else {
            break
          }
        }
      } else if byte == UInt8(ascii: ".") && at(index + 1) == UInt8(ascii: ".")
        && (at(index + 2) == UInt8(ascii: ".") || at(index + 2) == UInt8(ascii: "<"))
      {
        index += 3
      } else if Self.isOperator(byte) {
        while index < bytes.count && isCode[index] && Self.isOperator(bytes[index]) {
          index += 1
        }
      } else {
        index += 1
      }
      result.append((start..<index, String(decoding: bytes[start..<index], as: UTF8.self)))
    }
    return result
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
      || byte == UInt8(ascii: "\r")
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

  static func isIdentifierHead(_ byte: UInt8) -> Bool {
    (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "_")
      || byte == UInt8(ascii: "$") || byte >= 0x80
  }

  static func isIdentifierBody(_ byte: UInt8) -> Bool {
    isIdentifierHead(byte) || isDigit(byte)
  }

  static func isOperator(_ byte: UInt8) -> Bool {
    "+-*/=<>!&|^%~?".utf8.contains(byte)
  }
}
