import Foundation

/// The JSON layout both model archives share: a header with the format, version and sorted
/// provenance, then a list of objects whose matrices take one line per row, so a diff shows
/// which rows moved.
///
/// ``ModelArchive`` and ``LanguageModelArchive`` write their files with it and decode a file
/// and check its header with it, so the two stay in one style (and the shipped files keep their
/// bytes) and report a damaged file in the same words.
/// Every number is written as Swift's shortest decimal that reads back to the same `Float`.
struct ArchiveJSON {
  /// The lines written so far, without their newlines.
  private var lines: [String]

  /// Starts an archive: the opening brace, `"format"`, `"version"` and `"provenance"` with its
  /// keys sorted.
  ///
  /// - Parameters:
  ///   - format: The value of `"format"`.
  ///   - version: The value of `"version"`.
  ///   - provenance: The notes, written one key a line (`{}` when empty).
  init(format: String, version: Int, provenance: [String: String]) {
    lines = ["{"]
    lines.append("  \"format\": \(Self.quoted(format)),")
    lines.append("  \"version\": \(version),")
    let notes = provenance.keys.sorted().map { key in
      "    \(Self.quoted(key)): \(Self.quoted(provenance[key] ?? ""))"
    }
    lines.append(
      notes.isEmpty
        ? "  \"provenance\": {},"
        : "  \"provenance\": {\n" + notes.joined(separator: ",\n") + "\n  },")
  }

  /// Appends one top-level field: `  "<key>": <value>,`.
  ///
  /// - Parameters:
  ///   - key: The field's name.
  ///   - value: Its JSON text.
  mutating func appendField(_ key: String, _ value: String) {
    lines.append("  \(Self.quoted(key)): \(value),")
  }

  /// Appends the archive's last field, a list of objects, and closes the archive.
  ///
  /// - Parameters:
  ///   - key: The list's name.
  ///   - objects: Each object's fields, as ``matrixField(_:_:columns:rowCount:)`` and
  ///     ``field(_:_:)`` write them.
  /// - Returns: The archive's UTF-8 JSON, ending in a newline.
  func finished(listing key: String, objects: [[String]]) -> Data {
    var lines = lines
    lines.append("  \(Self.quoted(key)): [")
    for (index, fields) in objects.enumerated() {
      lines.append("    {")
      lines.append(fields.joined(separator: ",\n"))
      lines.append(index == objects.count - 1 ? "    }" : "    },")
    }
    lines += ["  ]", "}"]
    return Data((lines.joined(separator: "\n") + "\n").utf8)
  }

  /// A field of a listed object on one line: `      "<key>": <value>`.
  ///
  /// - Parameters:
  ///   - key: The field's name.
  ///   - value: Its JSON text.
  /// - Returns: The field's text without a trailing comma.
  static func field(_ key: String, _ value: String) -> String {
    "      \(quoted(key)): \(value)"
  }

  /// Checks a read file's `"format"` and `"version"`.
  ///
  /// - Parameters:
  ///   - format: The file's format.
  ///   - version: The file's version.
  ///   - expectedFormat: The archive's format.
  ///   - expectedVersion: The version this code reads.
  ///   - source: The file name errors cite.
  /// - Throws: `PruningError.malformedFile` for another format or version.
  static func checkHeader(
    format: String, version: Int, expectedFormat: String, expectedVersion: Int, source: String
  ) throws(PruningError) {
    guard format == expectedFormat else {
      throw .malformedFile(
        source: source, reason: "format is \"\(format)\", expected \"\(expectedFormat)\"")
    }
    guard version == expectedVersion else {
      throw .malformedFile(
        source: source,
        reason: "version \(version) is not supported (expected \(expectedVersion))")
    }
  }

  /// Decodes an archive file and checks its header.
  ///
  /// - Parameters:
  ///   - type: The archive's file layout.
  ///   - data: The file's bytes.
  ///   - kind: What the archive is, for the message when the bytes are not one
  ///     (`"model archive"`).
  ///   - format: The archive's format.
  ///   - version: The version this code reads.
  ///   - source: The file name errors cite.
  /// - Returns: The decoded file.
  /// - Throws: `PruningError.malformedFile` when the bytes are not JSON of the layout (the
  ///   reason names a missing field or the place of a wrong type), or for another format or
  ///   version.
  /// - Complexity: O(*n*) in the length of the data.
  static func decode<File: ArchiveFile>(
    _ type: File.Type, from data: Data, kind: String, format: String, version: Int,
    source: String
  ) throws(PruningError) -> File {
    let file: File
    do {
      file = try JSONDecoder().decode(type, from: data)
    } catch {
      throw .malformedFile(source: source, reason: "not a \(kind): \(describe(error))")
    }
    try checkHeader(
      format: file.format, version: file.version, expectedFormat: format,
      expectedVersion: version, source: source)
    return file
  }

  /// A decoding error in a few words: the missing field, or where a value has the wrong type.
  ///
  /// - Parameter error: What `JSONDecoder` threw.
  /// - Returns: The description, e.g. `missing field "layers"` or `wrong type at layers.0.bias`.
  static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): return "missing field \"\(key.stringValue)\""
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return "wrong type at \(path.isEmpty ? "the top level" : path)"
    case DecodingError.dataCorrupted: return "not valid JSON"
    default: return "\(error)"
    }
  }

  /// A matrix as nested arrays, one row a line, opened on its key's line and closed at the
  /// entry's indentation: `"<key>": [\n        [a, b],\n        [c, d]\n      ]`.
  ///
  /// - Parameters:
  ///   - key: The field's name.
  ///   - scalars: The row-major values.
  ///   - columns: The row length; `rowCount · columns` values are written.
  ///   - rowCount: How many rows.
  /// - Returns: The field's text without a trailing comma.
  static func matrixField(_ key: String, _ scalars: [Float], columns: Int, rowCount: Int) -> String
  {
    let rows = (0..<rowCount).map { row in
      "        " + array(scalars[(row * columns)..<((row + 1) * columns)])
    }
    return "      \(quoted(key)): [\n" + rows.joined(separator: ",\n") + "\n      ]"
  }

  /// Numbers as a one-line JSON array: `[0.5, -1.0]`.
  ///
  /// - Parameter values: The numbers, written with `description`.
  /// - Returns: The array's text.
  static func array<Values: Sequence>(_ values: Values) -> String
  where Values.Element: CustomStringConvertible {
    "[" + values.map(\.description).joined(separator: ", ") + "]"
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped.
  ///
  /// - Parameter text: The text.
  /// - Returns: The literal, quotes included.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if scalar.value < 0x20 {
          result += String(format: "\\u%04x", scalar.value)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}

/// The header fields every archive file starts with: what
/// ``ArchiveJSON/decode(_:from:kind:format:version:source:)`` checks.
protocol ArchiveFile: Decodable {
  /// The value of `"format"`.
  var format: String { get }

  /// The value of `"version"`.
  var version: Int { get }
}
