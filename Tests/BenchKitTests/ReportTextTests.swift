import BenchKit
import Testing

@Suite("Report text: tables, footnotes, break-even")
struct ReportTextTests {
  let text = ReportFixtures.mixed().renderText()

  @Test("The header names the modules, the build, the machine and the timing plan")
  func header() {
    #expect(text.hasPrefix("PruningKit bench\n"))
    #expect(text.contains("Solutions/ (KIT_SOLUTIONS=1), release build"))
    #expect(text.contains("Test CPU, 2 cores"))
    #expect(text.contains("median of 7 samples after 2 warm-up runs"))
    #expect(!text.contains("debug build"))
  }

  @Test("A group's title carries its data description")
  func titles() {
    #expect(text.contains("\nThreshold pruning: 10 floats\n"))
    #expect(text.contains("\nMagnitude pruning to 90 %\n"))
  }

  @Test("A measured row shows its median, min, max, runs and speed-up over its baseline")
  func measuredRow() {
    let line = text.split(separator: "\n").first { $0.contains("pruneWeights") } ?? ""
    #expect(line.contains("3.00 ms"))
    #expect(line.contains("2+3"))
    #expect(line.contains("0.67× vs plain copy"))
    let baseline = text.split(separator: "\n").first { $0.contains("  plain copy") } ?? ""
    #expect(baseline.contains("baseline"))
  }

  @Test("A stub's row says 'not implemented' with a footnote naming the function, and no time")
  func stubRow() {
    let lines = text.split(separator: "\n")
    let line = lines.first { $0.contains("magnitudeMask") } ?? ""
    #expect(line.contains("not implemented [1]"))
    #expect(!line.contains("ms"))
    #expect(lines.contains { $0.contains("[1] pruneCount(_:of:) is not implemented yet") })
  }

  @Test("The CSR table prints each sparsity once, the bytes, and the break-even sentence")
  func csrTable() {
    let lines = text.split(separator: "\n").map(String.init)
    let csrLines = lines.filter { $0.contains("CSRMatrix") }
    #expect(csrLines.count == 2)
    #expect(csrLines[0].contains("50 %") && csrLines[0].contains("0.50× vs dense mat-vec"))
    #expect(csrLines[1].contains("90 %") && csrLines[1].contains("4.00×"))
    #expect(csrLines[0].contains("1000 B"))
    let denseLines = lines.filter { $0.contains("dense mat-vec  ") && $0.contains("baseline") }
    #expect(denseLines.allSatisfy { !$0.contains("%") })
    #expect(text.contains("CSR beats dense from 90 % (measured; it loses at 50 %)"))
  }

  @Test("Columns line up: every row of a table is as wide as its header or narrower")
  func columnsLineUp() {
    let lines = text.split(separator: "\n").map(String.init)
    guard let header = lines.firstIndex(where: { $0.hasPrefix("  sparsity") }) else {
      Issue.record("no CSR table header")
      return
    }
    let medianEnd = lines[header].range(of: "median")?.upperBound.utf16Offset(in: lines[header])
    for line in lines[header + 1...header + 4] {
      let units = line.range(of: " ms")?.upperBound.utf16Offset(in: line)
      #expect(units == medianEnd, "\(line)")
    }
  }

  @Test("The chart follows the tables")
  func chart() {
    #expect(text.contains("Speed-up over dense (log scale"))
    #expect(text.hasSuffix("4.00x\n") || text.hasSuffix("4x\n"))
  }

  @Test("A debug build is flagged, because its timings mean nothing")
  func debugNote() {
    var report = ReportFixtures.mixed()
    report.context.configuration = "debug"
    #expect(report.renderText().contains("swift run -c release bench"))
  }

  @Test("Failed, wrong and missing kernels get their reasons as footnotes")
  func otherOutcomes() {
    let report = BenchReport(
      context: ReportFixtures.context, plan: .quick,
      rows: [
        BenchRow(group: .csr, kernel: "A", outcome: .failed("shape mismatch")),
        BenchRow(group: .csr, kernel: "B", outcome: .wrongResult("y[3] = 1")),
        BenchRow(group: .kmeans, kernel: "C", outcome: .notCompiled("WeightSharing")),
      ])
    let text = report.renderText()
    #expect(text.contains("failed [1]"))
    #expect(text.contains("[1] A: failed: shape mismatch"))
    #expect(text.contains("wrong result [2]"))
    #expect(text.contains("[2] B: wrong result: y[3] = 1"))
    #expect(text.contains("not in build [1]"))
    #expect(text.contains("module WeightSharing"))
    #expect(!text.contains("Speed-up over dense"))
  }

  @Test("Rows with the same baseline name but another pattern are not compared to each other")
  func patternKeysTheBaseline() {
    let report = BenchReport(
      context: ReportFixtures.context, plan: .full,
      rows: [
        BenchRow(
          group: .block, kernel: "BSR", sparsity: 0.9, pattern: "4x4 blocks",
          baseline: "dense mat-vec", outcome: .measured(ReportFixtures.timing(1))),
        BenchRow(
          group: .block, kernel: "dense mat-vec", role: .baseline, sparsity: 0.9,
          pattern: "8x8 blocks", outcome: .measured(ReportFixtures.timing(8))),
      ])
    #expect(report.speedUp(of: report.rows[0]) == nil)
  }
}
