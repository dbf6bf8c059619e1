import Foundation

/// Reads the JSON Lines event stream Swift Testing writes with
/// `--event-stream-output-path FILE --event-stream-version 6.3`.
///
/// The stream lists the selected tests first (`"kind":"test"` records), then events:
/// `runStarted`, `testStarted`, `testCaseStarted`, `issueRecorded`, `testCaseEnded`,
/// `testEnded`, `testSkipped`, `runEnded`, … Each test case is counted as it ends, so a test
/// whose process stopped part-way says how many of its cases finished. A
/// process that crashes stops writing mid-stream: no `testEnded` for the test that was running
/// and no `runEnded`. Lines that are not valid JSON (a line cut short by a crash) are ignored.
/// Experimental fields (`_testCase`) are read when present and never required.
public enum EventStream {
  /// The version to request; pinned so the format cannot change under the kit.
  public static let version = "6.3"

  /// Parses an event stream into a run.
  ///
  /// - Parameter text: The stream's contents.
  /// - Returns: Every test function with its outcome, and whether the run started and ended.
  /// - Complexity: O(*e* + *t*) for *e* events and *t* tests.
  public static func parse(_ text: String) -> TestRun {
    let decoder = JSONDecoder()
    var order: [String] = []
    var records: [String: TestRecord] = [:]
    var started: Set<String> = []
    var ended: Set<String> = []
    var casesEnded: [String: Int] = [:]
    var skipped: Set<String> = []
    var cancelled: [String: String] = [:]
    var issues: [String: [TestIssue]] = [:]
    var otherIssues: [TestIssue] = []
    var run = TestRun()

    for line in text.split(whereSeparator: \.isNewline) {
      guard let entry = try? decoder.decode(Line.self, from: Data(line.utf8)) else { continue }
      let payload = entry.payload
      if entry.kind == "test" {
        guard payload.kind == "function", let id = payload.id, records[id] == nil else { continue }
        order.append(id)
        records[id] = TestRecord(
          id: id,
          displayName: payload.displayName ?? payload.name ?? id,
          location: payload.sourceLocation?.location,
          status: .notRun
        )
        continue
      }
      guard entry.kind == "event" else { continue }
      switch payload.kind {
      case "runStarted":
        run.started = true
      case "runEnded":
        run.ended = true
      case "testStarted":
        if let id = payload.testID { started.insert(id) }
      case "testEnded":
        if let id = payload.testID { ended.insert(id) }
      case "testCaseEnded":
        if let id = payload.testID { casesEnded[id, default: 0] += 1 }
      case "testSkipped":
        if let id = payload.testID { skipped.insert(id) }
      case "testCancelled":
        if let id = payload.testID {
          cancelled[id] = payload.messages?.first?.text ?? "the test was cancelled"
        }
      case "issueRecorded":
        guard let issue = payload.issue, issue.isFailure ?? !(issue.isKnown ?? false) else {
          continue
        }
        let messages = payload.messages ?? []
        let recorded = TestIssue(
          message: messages.first?.text ?? "an issue was recorded",
          details: messages.dropFirst().map(\.text),
          location: issue.sourceLocation?.location,
          testCase: payload.testCase?.displayName
        )
        if let id = payload.testID, records[id] != nil {
          issues[id, default: []].append(recorded)
        } else {
          otherIssues.append(recorded)
        }
      default:
        continue
      }
    }

    run.tests = order.compactMap { id in
      guard var record = records[id] else { return nil }
      record.issues = issues[id] ?? []
      record.finishedCases = casesEnded[id] ?? 0
      if let reason = cancelled[id] {
        record.status = .failed
        record.issues.append(TestIssue(message: reason))
      } else if skipped.contains(id) {
        record.status = .skipped
      } else if ended.contains(id) {
        record.status = record.issues.isEmpty ? .passed : .failed
      } else if started.contains(id) {
        record.status = .unfinished
      }
      return record
    }
    run.otherIssues = otherIssues
    return run
  }
}

private struct Line: Decodable {
  var kind: String
  var payload: Payload
}

private struct Payload: Decodable {
  struct Message: Decodable {
    var symbol: String?
    var text: String
  }

  struct Location: Decodable {
    var filePath: String?
    var _filePath: String?
    var fileID: String?
    var line: Int
    var column: Int?

    var location: SourceLocation {
      SourceLocation(path: filePath ?? _filePath ?? fileID ?? "?", line: line, column: column)
    }
  }

  struct Issue: Decodable {
    var isKnown: Bool?
    var isFailure: Bool?
    var sourceLocation: Location?
  }

  struct TestCase: Decodable {
    var displayName: String?
  }

  enum CodingKeys: String, CodingKey {
    case kind, id, displayName, name, sourceLocation, testID, messages, issue
    case testCase = "_testCase"
  }

  var kind: String?
  var id: String?
  var displayName: String?
  var name: String?
  var sourceLocation: Location?
  var testID: String?
  var messages: [Message]?
  var issue: Issue?
  var testCase: TestCase?
}
