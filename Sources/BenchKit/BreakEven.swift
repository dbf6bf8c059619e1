/// A sparse kernel's speed-up over dense at one measured sparsity.
public struct SpeedUpPoint: Hashable, Sendable {
  /// The target sparsity of the matrix, in `0...1`.
  public var sparsity: Double

  /// Dense time ÷ sparse time; above 1 the sparse kernel wins.
  public var speedUp: Double

  /// Creates a point.
  ///
  /// - Parameters:
  ///   - sparsity: The target sparsity of the matrix.
  ///   - speedUp: Dense time ÷ sparse time.
  public init(sparsity: Double, speedUp: Double) {
    self.sparsity = sparsity
    self.speedUp = speedUp
  }
}

/// A sparse kernel's measured speed-ups over dense, one per sparsity: a curve of the chart.
public struct SpeedUpSeries: Hashable, Sendable {
  /// The kernel's short name, e.g. `CSR` or `BSR 4x4`.
  public var name: String

  /// The measured points, ascending by sparsity.
  public var points: [SpeedUpPoint]

  /// Creates a series.
  ///
  /// - Parameters:
  ///   - name: The kernel's short name.
  ///   - points: The measured points, in any order.
  public init(name: String, points: [SpeedUpPoint]) {
    self.name = name
    self.points = points.sorted { $0.sparsity < $1.sparsity }
  }
}

/// Where a sparse kernel starts to beat dense, as far as the measured sparsities tell.
///
/// The measured answer is the lowest measured sparsity at which the sparse kernel is faster.
/// When the kernel loses at the measured sparsity just below that one, the crossing lies in
/// between, and an estimate interpolates the time ratio (sparse ÷ dense) linearly in
/// sparsity: sparse time grows with the stored entries, so with the density, while dense time
/// stays put. The estimate is labelled as one wherever it is printed.
///
/// ```swift
/// BreakEven([
///   SpeedUpPoint(sparsity: 0.5, speedUp: 0.5),  // time ratio 2
///   SpeedUpPoint(sparsity: 0.7, speedUp: 2),    // time ratio 0.5
/// ])
/// // .between(lower: 0.5, upper: 0.7, interpolated: 0.633…)
/// ```
public enum BreakEven: Hashable, Sendable {
  /// The kernel already wins at the lowest sparsity measured; the crossing is below the range.
  case winsFromLowest(sparsity: Double)
  /// The kernel loses at `lower` and wins at `upper`, the lowest measured win, and the
  /// crossing is estimated at `interpolated`.
  case between(lower: Double, upper: Double, interpolated: Double)
  /// The kernel wins at no measured sparsity, up to `highest`.
  case neverWins(highest: Double)
  /// No point was measured.
  case unknown

  /// Finds the break-even from measured points.
  ///
  /// - Parameter points: Speed-ups at measured sparsities, in any order.
  public init(_ points: [SpeedUpPoint]) {
    let sorted = points.filter { $0.speedUp > 0 }.sorted { $0.sparsity < $1.sparsity }
    guard let highest = sorted.last else {
      self = .unknown
      return
    }
    guard let upperIndex = sorted.firstIndex(where: { $0.speedUp > 1 }) else {
      self = .neverWins(highest: highest.sparsity)
      return
    }
    let upper = sorted[upperIndex]
    guard upperIndex > 0 else {
      self = .winsFromLowest(sparsity: upper.sparsity)
      return
    }
    let lower = sorted[upperIndex - 1]
    let lowerRatio = 1 / lower.speedUp  // at least 1: sparse is slower here
    let upperRatio = 1 / upper.speedUp  // below 1: sparse is faster here
    let fraction = (lowerRatio - 1) / (lowerRatio - upperRatio)
    self = .between(
      lower: lower.sparsity, upper: upper.sparsity,
      interpolated: lower.sparsity + fraction * (upper.sparsity - lower.sparsity))
  }

  /// The lowest measured sparsity at which the kernel wins, if any.
  public var lowestWinningSparsity: Double? {
    switch self {
    case .winsFromLowest(let sparsity): sparsity
    case .between(_, let upper, _): upper
    case .neverWins, .unknown: nil
    }
  }

  /// A sentence for the report, naming which figure was measured and which interpolated.
  ///
  /// - Parameter kernel: The kernel's short name, e.g. `CSR`.
  /// - Returns: The sentence.
  public func sentence(for kernel: String) -> String {
    switch self {
    case .winsFromLowest(let sparsity):
      "\(kernel) beats dense already at the lowest sparsity measured, "
        + "\(Format.percent(sparsity)); the break-even lies below the measured range."
    case .between(let lower, let upper, let interpolated):
      "\(kernel) beats dense from \(Format.percent(upper)) (measured; it loses at "
        + "\(Format.percent(lower))). Interpolated break-even: about "
        + "\(Format.percent(interpolated, digits: 0)) (an estimate between the two, not measured)."
    case .neverWins(let highest):
      "\(kernel) does not beat dense at any sparsity measured, up to \(Format.percent(highest))."
    case .unknown:
      "\(kernel): nothing measured, so no break-even."
    }
  }
}
