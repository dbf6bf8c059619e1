/// Reads the xUnit XML that `swift test --xunit-output FILE` writes.
///
/// Swift Testing writes its results to `FILE` with the `-swift-testing` suffix before the
/// extension (or to `FILE` itself with `--disable-xctest`): one `<testcase>` per test function,
/// with a `<failure message="…"/>` per failing issue and `<skipped>` for disabled tests. The
/// format keeps less than the event stream (no display names, no locations) and a crash leaves
/// it cut short, so the kit reads it only when no event stream exists. The reader is a small
/// tolerant scanner: it reads what is there and reports a cut-short file as a run that did not
/// end.
public enum XUnitReport {
  /// Parses an xUnit report into a run.
  ///
  /// - Parameter text: The XML.
  /// - Returns: The test functions with their outcomes; `ended` is `false` when the closing
  ///   `</testsuites>` is missing.
  /// - Complexity: O(*n*) in the length of the text.
  public static func parse(_ text: String) -> TestRun {
    var run = TestRun(started: text.contains("<testsuites"), ended: text.contains("</testsuites>"))
    var rest = Substring(text)
    while let open = rest.range(of: "<testcase") {
      rest = rest[open.upperBound...]
      guard let tagEnd = rest.firstIndex(of: ">") else { break }
      let tag = rest[..<tagEnd]
      let attributes = Self.attributes(of: tag)
      let selfClosing = tag.hasSuffix("/")
      rest = rest[rest.index(after: tagEnd)...]
      var body: Substring = ""
      if !selfClosing {
        let close = rest.range(of: "</testcase>")
        body = close.map { rest[..<$0.lowerBound] } ?? rest
        rest = close.map { rest[$0.upperBound...] } ?? ""
      }
      let name = attributes["name"] ?? "?"
      let classname = attributes["classname"] ?? ""
      var issues: [TestIssue] = []
      var scan = body
      while let failure = scan.range(of: "<failure") ?? scan.range(of: "<error") {
        scan = scan[failure.upperBound...]
        guard let end = scan.firstIndex(of: ">") else { break }
        let message = Self.attributes(of: scan[..<end])["message"] ?? "the test failed"
        issues.append(Self.issue(from: message))
        scan = scan[end...]
      }
      let status: TestStatus =
        body.contains("<skipped") ? .skipped : issues.isEmpty ? .passed : .failed
      run.tests.append(
        TestRecord(
          id: classname.isEmpty ? name : "\(classname)/\(name)",
          displayName: name,
          status: status,
          issues: issues
        )
      )
    }
    return run
  }

  /// Reads `key="value"` pairs from the inside of a tag, decoding XML entities.
  private static func attributes(of tag: Substring) -> [String: String] {
    var result: [String: String] = [:]
    var rest = tag
    while let equals = rest.firstIndex(of: "=") {
      let key = rest[..<equals].split(whereSeparator: \.isWhitespace).last.map(String.init) ?? ""
      rest = rest[rest.index(after: equals)...]
      guard let quote = rest.first, quote == "\"" || quote == "'" else { break }
      rest = rest.dropFirst()
      guard let closing = rest.firstIndex(of: quote) else { break }
      result[key] = decodeEntities(rest[..<closing])
      rest = rest[rest.index(after: closing)...]
    }
    return result
  }

  /// Splits a failure message `TEXT (error): COMMENT` into the text and the comment.
  private static func issue(from message: String) -> TestIssue {
    for marker in [" (error): ", " (warning): "] {
      if let range = message.range(of: marker) {
        return TestIssue(
          message: String(message[..<range.lowerBound]),
          details: [String(message[range.upperBound...])])
      }
    }
    for suffix in [" (error)", " (warning)"] where message.hasSuffix(suffix) {
      return TestIssue(message: String(message.dropLast(suffix.count)))
    }
    return TestIssue(message: message)
  }

  /// Decodes the five named XML entities and numeric character references.
  ///
  /// - Parameter text: Attribute or element text.
  /// - Returns: The text with entities replaced by the characters they stand for.
  public static func decodeEntities<S: StringProtocol>(_ text: S) -> String {
    var result = ""
    var rest = Substring(text)
    while let ampersand = rest.firstIndex(of: "&") {
      result += rest[..<ampersand]
      rest = rest[ampersand...]
      guard let semicolon = rest.firstIndex(of: ";"),
        rest.distance(from: ampersand, to: semicolon) < 10
      else {
        result += "&"
        rest = rest.dropFirst()
        continue
      }
      let entity = rest[rest.index(after: ampersand)..<semicolon]
      let named = ["quot": "\"", "amp": "&", "lt": "<", "gt": ">", "apos": "'"]
      if let character = named[String(entity)] {
        result += character
      } else if entity.hasPrefix("#x"), let code = UInt32(entity.dropFirst(2), radix: 16),
        let scalar = Unicode.Scalar(code)
      {
        result.unicodeScalars.append(scalar)
      } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()),
        let scalar = Unicode.Scalar(code)
      {
        result.unicodeScalars.append(scalar)
      } else {
        result += rest[...semicolon]
      }
      rest = rest[rest.index(after: semicolon)...]
    }
    return result + rest
  }
}
