import BenchKit
import Testing

@Suite("Speed-up chart")
struct SpeedUpChartTests {
  let chart = SpeedUpChart(
    series: [
      SpeedUpSeries(
        name: "CSR",
        points: [
          SpeedUpPoint(sparsity: 0.9, speedUp: 2), SpeedUpPoint(sparsity: 0.5, speedUp: 0.5),
        ]),
      SpeedUpSeries(name: "BSR 4x4", points: [SpeedUpPoint(sparsity: 0.9, speedUp: 8)]),
    ], width: 40)

  private func bar(_ line: String) -> Int {
    line.filter { $0 == "#" }.count
  }

  @Test("One line per kernel and sparsity, sparsities ascending, each ending with its value")
  func lines() {
    let lines = chart.lines()
    #expect(lines.count == 2 + 3)
    #expect(lines[2].hasPrefix("  50 %  CSR"))
    #expect(lines[2].hasSuffix("0.50x"))
    #expect(lines[3].hasPrefix("  90 %  CSR"))
    #expect(lines[3].hasSuffix("2x"))
    #expect(lines[4].hasPrefix("        BSR 4x4"))
    #expect(lines[4].hasSuffix("8x"))
  }

  @Test("Longer bars for larger speed-ups, and the 1x mark in the same column on every line")
  func barsAndMark() {
    let lines = chart.lines()
    #expect(bar(lines[2]) < bar(lines[3]))
    #expect(bar(lines[3]) < bar(lines[4]))
    let marks = Set(lines.dropFirst(2).compactMap { $0.firstIndex(of: "|")?.utf16Offset(in: $0) })
    #expect(marks.count == 1)
    let axis = lines[1]
    let oneX = axis.range(of: "1x")?.lowerBound.utf16Offset(in: axis)
    #expect(oneX == marks.first)
  }

  @Test("Only plain ASCII characters, so it reads without colour or special fonts")
  func plainCharacters() {
    #expect(chart.render().allSatisfy { $0.isASCII })
  }

  @Test("Nothing to draw, no lines")
  func empty() {
    #expect(SpeedUpChart(series: []).lines().isEmpty)
    #expect(SpeedUpChart(series: [SpeedUpSeries(name: "CSR", points: [])]).lines().isEmpty)
  }
}
