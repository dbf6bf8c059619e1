import BenchKit
import Testing

@Suite("Break-even sparsity")
struct BreakEvenTests {
  @Test("Losing at 50 % and winning at 70 % gives 70 % measured and an interpolated estimate")
  func between() {
    let breakEven = BreakEven([
      SpeedUpPoint(sparsity: 0.7, speedUp: 2),
      SpeedUpPoint(sparsity: 0.5, speedUp: 0.5),
      SpeedUpPoint(sparsity: 0.9, speedUp: 8),
    ])
    guard case .between(let lower, let upper, let interpolated) = breakEven else {
      Issue.record("expected .between, got \(breakEven)")
      return
    }
    #expect(lower == 0.5)
    #expect(upper == 0.7)
    // Time ratios 2 and 0.5: ratio 1 lies a third of the way from 2 down to 0.5.
    #expect(abs(interpolated - (0.5 + 0.2 / 1.5)) < 1e-12)
    #expect(breakEven.lowestWinningSparsity == 0.7)
  }

  @Test("A kernel that already wins at the lowest sparsity has its break-even below the range")
  func winsFromLowest() {
    let breakEven = BreakEven([
      SpeedUpPoint(sparsity: 0.5, speedUp: 1.2), SpeedUpPoint(sparsity: 0.9, speedUp: 5),
    ])
    #expect(breakEven == .winsFromLowest(sparsity: 0.5))
    #expect(breakEven.sentence(for: "CSR").contains("below the measured range"))
  }

  @Test("A kernel that never wins reports the highest sparsity measured")
  func neverWins() {
    let breakEven = BreakEven([
      SpeedUpPoint(sparsity: 0.5, speedUp: 0.2), SpeedUpPoint(sparsity: 0.99, speedUp: 0.9),
    ])
    #expect(breakEven == .neverWins(highest: 0.99))
    #expect(breakEven.lowestWinningSparsity == nil)
    #expect(breakEven.sentence(for: "BSR 4x4").contains("does not beat dense"))
  }

  @Test("Exactly 1× is not a win; the next point up is")
  func tieIsNotAWin() {
    let breakEven = BreakEven([
      SpeedUpPoint(sparsity: 0.8, speedUp: 1), SpeedUpPoint(sparsity: 0.9, speedUp: 2),
    ])
    #expect(breakEven == .between(lower: 0.8, upper: 0.9, interpolated: 0.8))
  }

  @Test("With a noisy curve, the lowest measured win counts and the point below it brackets it")
  func nonMonotonic() {
    let breakEven = BreakEven([
      SpeedUpPoint(sparsity: 0.5, speedUp: 0.5), SpeedUpPoint(sparsity: 0.7, speedUp: 1.1),
      SpeedUpPoint(sparsity: 0.8, speedUp: 0.95), SpeedUpPoint(sparsity: 0.9, speedUp: 3),
    ])
    #expect(breakEven.lowestWinningSparsity == 0.7)
  }

  @Test("No points, no break-even")
  func unknown() {
    #expect(BreakEven([]) == .unknown)
  }

  @Test("The sentence says which figure was measured and which is an estimate")
  func sentence() {
    let text = BreakEven.between(lower: 0.8, upper: 0.9, interpolated: 0.86).sentence(for: "CSR")
    #expect(text.contains("from 90 % (measured"))
    #expect(text.contains("loses at 80 %"))
    #expect(text.contains("about 86 %"))
    #expect(text.contains("not measured"))
  }
}
