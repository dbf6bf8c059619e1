import KitEngine
import Testing

@Suite("Reading xUnit reports")
struct XUnitReportTests {
  @Test("Each testcase becomes a test whose ID joins the class name and the function name")
  func testCases() throws {
    let run = XUnitReport.parse(try Fixtures.recorded("Failing.xml"))
    #expect(run.ended)
    #expect(
      run.tests.map(\.id) == [
        "FailingTests.LargestTests/example()", "FailingTests.LargestTests/empty()",
      ])
    #expect(run.tests.map(\.status) == [.failed, .passed])
  }

  @Test("A failure message is split into the expectation and its comment, entities decoded")
  func failureMessage() throws {
    let run = XUnitReport.parse(try Fixtures.recorded("Failing.xml"))
    let issue = try #require(run.tests.first?.issues.first)
    #expect(issue.message == "Expectation failed: (result → 3) == 9")
    #expect(issue.details == ["the largest value, wherever it is"])
  }

  @Test("Every failure of a parameterized test is kept, and stub errors are recognised")
  func stubFailures() throws {
    let run = XUnitReport.parse(try Fixtures.recorded("Untouched.xml"))
    #expect(run.tests.first?.issues.count == 2)
    #expect(run.tests.allSatisfy { $0.waitsForStub })
  }

  @Test("A report cut short by a crash is a run that did not end")
  func truncated() throws {
    let run = XUnitReport.parse(try Fixtures.recorded("Crashing.xml"))
    #expect(run.started)
    #expect(!run.ended)
    #expect(run.tests.isEmpty)
  }

  @Test("Disabled tests are skipped, and numeric and named entities are decoded")
  func skippedAndEntities() {
    let xml = """
      <testsuites><testsuite>
      <testcase classname="A.B" name="c()"><skipped>later</skipped></testcase>
      <testcase classname="A.B" name="d()"><failure message="x &lt; y &#x2192; &quot;z&quot;" /></testcase>
      </testsuite></testsuites>
      """
    let run = XUnitReport.parse(xml)
    #expect(run.tests.map(\.status) == [.skipped, .failed])
    #expect(run.tests.last?.issues.first?.message == "x < y → \"z\"")
    #expect(XUnitReport.decodeEntities("a &amp; b &bogus; &") == "a & b &bogus; &")
  }
}
