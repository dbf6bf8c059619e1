import Foundation

/// A terminal chart of speed-up against sparsity: one bar per kernel and sparsity, on a log
/// scale, in plain characters so it reads the same in a pipe, a file or a screen reader.
///
/// ```
/// Speed-up over dense (log scale; the | column is 1x, bars past it beat dense)
///                      0.25x       1x          4x          16x
///   50 %  CSR          ######      |                             0.52x
///         BSR 4x4      ############|###                          1.31x
/// ```
///
/// Bars are `#`; the 1× column shows `|` (inside a bar too), so the break-even is visible on
/// every line. Each bar ends with its value as text.
public struct SpeedUpChart: Hashable, Sendable {
  /// The curves, one per kernel.
  public var series: [SpeedUpSeries]

  /// The width of the bar area in characters.
  public var width: Int

  /// Creates a chart.
  ///
  /// - Parameters:
  ///   - series: The curves; points with a speed-up of 0 or less are left out.
  ///   - width: The width of the bar area; at least 16.
  public init(series: [SpeedUpSeries], width: Int = 48) {
    self.series = series
    self.width = max(width, 16)
  }

  /// The chart as lines, or no lines when there is nothing to draw.
  ///
  /// - Returns: The lines, without newlines.
  public func lines() -> [String] {
    let values = series.flatMap { $0.points.map(\.speedUp) }.filter { $0 > 0 }
    guard let smallest = values.min(), let largest = values.max() else { return [] }
    // Powers of 4 from at most 1/4 to at least 4, so 1x is always inside with room around it.
    let low = min(power(of: 4, below: smallest), 0.25)
    let high = max(power(of: 4, above: largest), 4)
    let column = { (value: Double) -> Int in
      let position = (log(value) - log(low)) / (log(high) - log(low))
      return min(max(Int((position * Double(self.width)).rounded()), 0), self.width)
    }
    let oneColumn = column(1)
    let sparsities = Set(series.flatMap { $0.points.map(\.sparsity) }).sorted()
    let nameWidth = series.map(\.name.count).max() ?? 0
    let labelWidth = 8 + nameWidth + 2  // "  50 %  " + name + gap

    var axis = [Character](repeating: " ", count: width + 8)
    var tick = low
    while tick <= high * 1.000_001 {
      let label = Array(Self.multiple(tick))
      let start = column(tick)
      if start + label.count <= axis.count {
        axis.replaceSubrange(start..<start + label.count, with: label)
      }
      tick *= 4
    }
    var lines = [
      "Speed-up over dense (log scale; the | column is 1x, bars past it beat dense)",
      String(repeating: " ", count: labelWidth) + String(axis).trimmingTrailingSpaces(),
    ]
    for sparsity in sparsities {
      var first = true
      for series in series {
        guard let point = series.points.first(where: { $0.sparsity == sparsity }),
          point.speedUp > 0
        else { continue }
        let sparsityLabel = first ? Format.percent(sparsity) : ""
        first = false
        var bar = [Character](repeating: " ", count: width + 1)
        for index in 0..<column(point.speedUp) { bar[index] = "#" }
        bar[oneColumn] = "|"
        lines.append(
          "  " + sparsityLabel.padding(6) + series.name.padding(nameWidth + 2) + String(bar)
            + "  " + Self.multiple(point.speedUp))
      }
    }
    return lines
  }

  /// The chart as one string (no final newline).
  ///
  /// - Returns: The text.
  public func render() -> String {
    lines().joined(separator: "\n")
  }

  /// A ratio with an ASCII `x`: `0.25x`, `1x`, `16x`, `3.4x`.
  static func multiple(_ value: Double) -> String {
    if value == value.rounded(), value >= 1 { return "\(Int(value))x" }
    return Format.significant(value) + "x"
  }

  private func power(of base: Double, below value: Double) -> Double {
    var result = 1.0
    while result > value { result /= base }
    return result
  }

  private func power(of base: Double, above value: Double) -> Double {
    var result = 1.0
    while result < value { result *= base }
    return result
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    self + String(repeating: " ", count: max(width - count, 0))
  }

  fileprivate func trimmingTrailingSpaces() -> String {
    String(reversed().drop { $0 == " " }.reversed())
  }
}
