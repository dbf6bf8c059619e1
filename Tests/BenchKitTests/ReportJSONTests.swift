import BenchKit
import Foundation
import Testing

@Suite("Report JSON")
struct ReportJSONTests {
  private func parse(_ report: BenchReport) throws -> [String: Any] {
    let data = Data(report.renderJSON().utf8)
    let object = try JSONSerialization.jsonObject(with: data)
    return try #require(object as? [String: Any])
  }

  @Test("The JSON parses, and names the tool, the context and the plan")
  func topLevel() throws {
    let json = try parse(ReportFixtures.mixed())
    #expect(json["tool"] as? String == "PruningKit bench")
    #expect(json["schemaVersion"] as? Int == 1)
    let context = try #require(json["context"] as? [String: Any])
    #expect(context["modules"] as? String == "Solutions/ (KIT_SOLUTIONS=1)")
    let plan = try #require(json["plan"] as? [String: Any])
    #expect(plan["repeats"] as? Int == 7)
  }

  @Test("A measured row has times in seconds and its speed-up")
  func measuredRow() throws {
    let rows = try #require(try parse(ReportFixtures.mixed())["results"] as? [[String: Any]])
    let row = try #require(rows.first { $0["kernel"] as? String == "pruneWeights(_:threshold:)" })
    #expect(row["status"] as? String == "measured")
    #expect(row["medianSeconds"] as? Double == 0.003)
    #expect(row["samplesSeconds"] as? [Double] == [0.003, 0.003, 0.003])
    let speedUp = try #require(row["speedUp"] as? Double)
    #expect(abs(speedUp - 2.0 / 3.0) < 1e-12)
    #expect(row["baseline"] as? String == "plain copy")
  }

  @Test("A row that was not measured has a status and a message, and no time fields")
  func stubRow() throws {
    let rows = try #require(try parse(ReportFixtures.mixed())["results"] as? [[String: Any]])
    let row = try #require(rows.first { $0["kernel"] as? String == "magnitudeMask(_:amount:)" })
    #expect(row["status"] as? String == "notImplemented")
    #expect(row["message"] as? String == "not implemented: pruneCount(_:of:)")
    #expect(row["medianSeconds"] == nil)
    #expect(row["speedUp"] == nil)
  }

  @Test("A row has its own fields and a status, and time fields only when it was measured")
  func rowFields() throws {
    let rows = try #require(try parse(ReportFixtures.mixed())["results"] as? [[String: Any]])
    let timed: Set = [
      "status", "medianSeconds", "minSeconds", "maxSeconds", "samplesSeconds", "warmUpRuns",
      "repeats", "iterationsPerSample",
    ]
    #expect(
      rows.map { Set($0.keys) } == [
        timed.union(["group", "kernel", "role", "baseline", "speedUp"]),
        timed.union(["group", "kernel", "role"]),
        ["group", "kernel", "role", "baseline", "status", "message"],
        timed.union(["group", "kernel", "role"]),
        timed.union([
          "group", "kernel", "role", "sparsity", "pattern", "baseline", "series", "bytes",
          "speedUp",
        ]),
        timed.union(["group", "kernel", "role", "sparsity", "pattern", "bytes"]),
        timed.union([
          "group", "kernel", "role", "sparsity", "pattern", "baseline", "series", "bytes",
          "speedUp",
        ]),
        timed.union(["group", "kernel", "role", "sparsity", "pattern", "bytes"]),
      ])
    let csr = try #require(rows.first { $0["series"] != nil })
    #expect(csr["group"] as? String == "csr")
    #expect(csr["role"] as? String == "kernel")
    #expect(csr["bytes"] as? Int == 1_000)
    #expect(csr["sparsity"] as? Double == 0.5)
  }

  @Test("The break-even entry gives the measured win, the losing point and the estimate")
  func breakEven() throws {
    let entries = try #require(
      try parse(ReportFixtures.mixed())["breakEven"] as? [[String: Any]])
    let entry = try #require(entries.first)
    #expect(entries.count == 1)
    #expect(entry["kernel"] as? String == "CSR")
    #expect(entry["kind"] as? String == "between")
    #expect(entry["lowestWinningSparsity"] as? Double == 0.9)
    #expect(entry["losingSparsityBelow"] as? Double == 0.5)
    let estimate = try #require(entry["interpolatedSparsity"] as? Double)
    #expect(estimate > 0.5 && estimate < 0.9)
  }

  @Test("An empty report is still valid JSON")
  func emptyReport() throws {
    let json = try parse(BenchReport(context: ReportFixtures.context, plan: .quick))
    #expect((json["results"] as? [Any])?.isEmpty == true)
  }
}
