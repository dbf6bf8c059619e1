import KitEngine
import Testing

@Suite("Reading Swift Testing's event stream")
struct EventStreamTests {
  @Test("A passing run lists every test function as passed and reports its end")
  func passingRun() throws {
    let run = EventStream.parse(try Fixtures.recorded("Passing.jsonl"))
    #expect(run.started && run.ended)
    #expect(
      run.tests.map(\.displayName).sorted() == [
        "The total of 1, 2 and 3 is 6",
        "The total of n copies of a value is n times the value",
      ])
    #expect(run.tests.allSatisfy { $0.status == .passed })
    #expect(run.passedCount == 2 && run.gradedCount == 2)
  }

  @Test("A failing expectation keeps its message, its comment and the line of the test")
  func failingExpectation() throws {
    let run = EventStream.parse(try Fixtures.recorded("Failing.jsonl"))
    let failed = try #require(run.failedTests.first)
    #expect(run.failedTests.count == 1)
    #expect(failed.displayName == "The largest of 3, 9 and 4 is 9")
    #expect(failed.target == "FailingTests")
    let issue = try #require(failed.issues.first)
    #expect(issue.message == "Expectation failed: (result → 3) == 9")
    #expect(issue.details == ["the largest value, wherever it is"])
    #expect(issue.location?.line == 10)
    #expect(issue.location?.path.hasSuffix("Tests/FailingTests/LargestTests.swift") == true)
    #expect(run.passedCount == 1)
  }

  @Test("A stub's error marks every failure as not implemented, with the failing case's arguments")
  func notImplemented() throws {
    let run = EventStream.parse(try Fixtures.recorded("Untouched.jsonl"))
    #expect(run.failedTests.count == 2)
    #expect(run.failedTests.allSatisfy { $0.waitsForStub })
    let parameterized = try #require(run.tests.first { $0.id.contains("twice") })
    #expect(parameterized.issues.compactMap(\.testCase).sorted() == ["[3, -4]", "[5]"])
  }

  @Test("A crash leaves the running test unfinished and the run without an end")
  func crashedRun() throws {
    let run = EventStream.parse(try Fixtures.recorded("Crashing.jsonl"))
    #expect(run.started)
    #expect(!run.ended)
    #expect(run.passedCount == 1)
    #expect(run.unfinishedTests.map(\.displayName) == ["A single value has no second"])
  }

  @Test("Each test case is counted as it ends, so a test stopped part-way says how far it got")
  func testCasesCounted() throws {
    let lines = try Fixtures.recorded("Untouched.jsonl").split(separator: "\n")
    let firstCaseEnd = try #require(lines.firstIndex { $0.contains("\"testCaseEnded\"") })
    let cut = lines[...firstCaseEnd].joined(separator: "\n")
    let run = EventStream.parse(cut)
    let twice = try #require(run.tests.first { $0.id.contains("twice") })
    #expect(twice.status == .unfinished)
    #expect(twice.finishedCases == 1)
    #expect(run.runningTest?.id == twice.id)
    let whole = EventStream.parse(try Fixtures.recorded("Untouched.jsonl"))
    let finished = whole.tests.first { $0.id.contains("twice") }?.finishedCases
    #expect(finished == 2)
  }

  @Test("A run stopped by its time limit keeps the results it had")
  func stoppedRun() throws {
    let run = EventStream.parse(try Fixtures.recorded("Hanging.jsonl"))
    #expect(!run.ended)
    #expect(run.passedCount == 1)
    #expect(run.unfinishedTests.map(\.displayName) == ["Zero is rejected"])
  }

  @Test("A filter that matches nothing gives an ended run of no tests")
  func noTests() throws {
    let run = EventStream.parse(try Fixtures.recorded("NoTests.jsonl"))
    #expect(run.ended)
    #expect(run.tests.isEmpty)
  }

  @Test("Lines that are not JSON, such as a line cut short by a crash, are skipped")
  func garbage() throws {
    let text = try Fixtures.recorded("Passing.jsonl")
    let cut = "not json\n" + text + "{\"kind\":\"event\",\"payload\":{\"ki"
    #expect(EventStream.parse(cut) == EventStream.parse(text))
    #expect(EventStream.parse("") == TestRun())
  }
}
