/// Where and how a report was made: printed above the table and stored in the JSON.
public struct BenchContext: Hashable, Sendable, Codable {
  /// Which exercise copies were compiled, e.g. `Solutions/ (KIT_SOLUTIONS=1)`.
  public var modules: String

  /// `release` or `debug`.
  public var configuration: String

  /// The processor, core count and system, e.g. `AMD EPYC, 2 cores, Linux`.
  public var machine: String

  /// The sizes of the data, e.g. `10,000,000 floats; 4096 × 4096 matrices`.
  public var sizes: String

  /// Whether this was the small `--quick` run.
  public var quick: Bool

  /// Creates a context.
  ///
  /// - Parameters:
  ///   - modules: Which exercise copies were compiled.
  ///   - configuration: `release` or `debug`.
  ///   - machine: The processor, core count and system.
  ///   - sizes: The sizes of the data.
  ///   - quick: Whether this was the `--quick` run.
  public init(modules: String, configuration: String, machine: String, sizes: String, quick: Bool) {
    self.modules = modules
    self.configuration = configuration
    self.machine = machine
    self.sizes = sizes
    self.quick = quick
  }
}

/// Everything one `bench` run measured: its context, the plan and the rows, in run order.
public struct BenchReport: Hashable, Sendable {
  /// Where and how the report was made.
  public var context: BenchContext

  /// The timing plan every row was measured with.
  public var plan: TimingPlan

  /// The results, in the order they were measured.
  public var rows: [BenchRow]

  /// What each group ran on, e.g. `10,000,000 floats, |w| < 0.5 set to 0`; printed under the
  /// group's title.
  public var dataDescriptions: [BenchGroup: String]

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - context: Where and how it was made.
  ///   - plan: The timing plan.
  ///   - rows: The results.
  ///   - dataDescriptions: What each group ran on.
  public init(
    context: BenchContext,
    plan: TimingPlan,
    rows: [BenchRow] = [],
    dataDescriptions: [BenchGroup: String] = [:]
  ) {
    self.context = context
    self.plan = plan
    self.rows = rows
    self.dataDescriptions = dataDescriptions
  }

  /// The groups that have rows, in run order.
  public var groups: [BenchGroup] {
    BenchGroup.allCases.filter { group in rows.contains { $0.group == group } }
  }

  /// The row a row is compared to: same group, sparsity and pattern, its `baseline` as kernel
  /// name.
  ///
  /// - Parameter row: A row with a `baseline`.
  /// - Returns: The baseline row, or `nil` when there is none.
  public func baselineRow(for row: BenchRow) -> BenchRow? {
    guard let baseline = row.baseline else { return nil }
    return rows.first {
      $0.group == row.group && $0.sparsity == row.sparsity && $0.pattern == row.pattern
        && $0.kernel == baseline
    }
  }

  /// How many times faster a row ran than its baseline: baseline median ÷ row median.
  ///
  /// Above 1 the kernel is faster; below 1 it is slower (0.5 takes twice as long).
  ///
  /// - Parameter row: A row of this report.
  /// - Returns: The ratio, or `nil` unless both rows were measured.
  public func speedUp(of row: BenchRow) -> Double? {
    guard let timing = row.outcome.timing, timing.median > 0,
      let base = baselineRow(for: row)?.outcome.timing
    else { return nil }
    return base.median / timing.median
  }

  /// The chart's curves: for each series name, its measured speed-ups by sparsity.
  ///
  /// - Returns: One entry per series, in order of first appearance.
  public func speedUpSeries() -> [SpeedUpSeries] {
    var names: [String] = []
    var points: [String: [SpeedUpPoint]] = [:]
    for row in rows {
      guard let name = row.series, let sparsity = row.sparsity else { continue }
      if points[name] == nil {
        names.append(name)
        points[name] = []
      }
      if let speedUp = speedUp(of: row) {
        points[name, default: []].append(SpeedUpPoint(sparsity: sparsity, speedUp: speedUp))
      }
    }
    return names.map { SpeedUpSeries(name: $0, points: points[$0] ?? []) }
  }

  /// The break-even sparsity of every sparse mat-vec kernel measured at two or more
  /// sparsities.
  ///
  /// - Returns: The series name and its break-even, in chart order.
  public func breakEvens() -> [(name: String, breakEven: BreakEven)] {
    breakEvens(in: speedUpSeries())
  }

  /// The break-evens of the series whose rows belong to one group.
  ///
  /// - Parameter group: The group, e.g. ``BenchGroup/csr``.
  /// - Returns: The series name and its break-even.
  public func breakEvens(in group: BenchGroup) -> [(name: String, breakEven: BreakEven)] {
    let names = Set(rows.filter { $0.group == group }.compactMap(\.series))
    return breakEvens(in: speedUpSeries().filter { names.contains($0.name) })
  }

  private func breakEvens(in series: [SpeedUpSeries]) -> [(name: String, breakEven: BreakEven)] {
    series.compactMap { series in
      guard series.points.count >= 2 else { return nil }
      return (series.name, BreakEven(series.points))
    }
  }
}
