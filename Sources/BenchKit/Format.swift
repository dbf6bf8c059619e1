import Foundation

/// How the report writes numbers: durations, ratios, percentages, counts and bytes.
///
/// Every figure is rounded for reading only; the JSON keeps the full values.
public enum Format {
  /// A duration with three significant digits and a unit: `812 ns`, `3.41 µs`, `12.3 ms`,
  /// `1.25 s`.
  ///
  /// - Parameter nanoseconds: The duration.
  /// - Returns: The text.
  public static func duration(nanoseconds: Double) -> String {
    let units: [(scale: Double, unit: String)] = [(1e9, "s"), (1e6, "ms"), (1e3, "µs")]
    for (scale, unit) in units where nanoseconds >= scale {
      return "\(significant(nanoseconds / scale)) \(unit)"
    }
    return "\(significant(nanoseconds)) ns"
  }

  /// A speed-up as a multiple: `0.52×`, `3.41×`, `12.3×`, `128×`.
  ///
  /// - Parameter ratio: The ratio, positive.
  /// - Returns: The text.
  public static func speedUp(_ ratio: Double) -> String {
    "\(significant(ratio))×"
  }

  /// A fraction as a percentage: `90 %`, `99.5 %`; with `digits`, exactly that many decimals.
  ///
  /// - Parameters:
  ///   - fraction: A value in `0...1`.
  ///   - digits: Decimals to show; `nil` shows the shortest exact form up to one decimal.
  /// - Returns: The text.
  public static func percent(_ fraction: Double, digits: Int? = nil) -> String {
    let value = fraction * 100
    if let digits {
      return String(format: "%.\(digits)f %%", value)
    }
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded()
      ? "\(Int(rounded)) %" : String(format: "%.1f %%", rounded)
  }

  /// A count with thousands separators: `10,000,000`.
  ///
  /// - Parameter count: The number.
  /// - Returns: The text.
  public static func count(_ count: Int) -> String {
    let digits = String(count.magnitude)
    var grouped = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return count < 0 ? "-" + grouped : grouped
  }

  /// A size in bytes: `812 B`, `4.0 KiB`, `64.0 MiB` (binary units, one decimal).
  ///
  /// - Parameter bytes: The size.
  /// - Returns: The text.
  public static func bytes(_ bytes: Int) -> String {
    let units: [(scale: Double, unit: String)] = [
      (1_073_741_824, "GiB"), (1_048_576, "MiB"), (1024, "KiB"),
    ]
    for (scale, unit) in units where Double(bytes) >= scale {
      return String(format: "%.1f", Double(bytes) / scale) + " " + unit
    }
    return "\(bytes) B"
  }

  /// Three significant digits, without a trailing decimal point: `812`, `3.41`, `12.3`.
  static func significant(_ value: Double) -> String {
    switch value {
    case 100...: String(format: "%.0f", value)
    case 10..<100: String(format: "%.1f", value)
    default: String(format: "%.2f", value)
    }
  }
}
