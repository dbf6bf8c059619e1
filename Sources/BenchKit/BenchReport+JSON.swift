import Foundation

extension BenchReport {
  /// The report as pretty-printed JSON with sorted keys, for scripts and CI.
  ///
  /// Times are in seconds (`medianSeconds`, `minSeconds`, `maxSeconds`, `samplesSeconds`);
  /// a row that was not measured has a `status` other than `measured`, a `message`, and no
  /// time fields. Absent values are left out rather than written as `null`.
  ///
  /// - Returns: UTF-8 JSON text, ending with a newline.
  public func renderJSON() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let data = try? encoder.encode(JSONReport(self)),
      let text = String(data: data, encoding: .utf8)
    else {
      // Every field is a string, an integer or a finite double, so encoding cannot fail.
      return "{}\n"
    }
    return text + "\n"
  }
}

/// The JSON shape of a report: flat rows with plain field names.
private struct JSONReport: Encodable {
  var tool = "PruningKit bench"
  var schemaVersion = 1
  var context: BenchContext
  var plan: TimingPlan
  var groups: [Group]
  var results: [Row]
  var breakEven: [BreakEvenEntry]

  struct Group: Encodable {
    var name: String
    var title: String
    var data: String?
  }

  struct Row: Encodable {
    var group: String
    var kernel: String
    var role: String
    var sparsity: Double?
    var measuredSparsity: Double?
    var pattern: String?
    var baseline: String?
    var series: String?
    var bytes: Int?
    var status: String
    var message: String?
    var medianSeconds: Double?
    var minSeconds: Double?
    var maxSeconds: Double?
    var samplesSeconds: [Double]?
    var warmUpRuns: Int?
    var repeats: Int?
    var iterationsPerSample: Int?
    var speedUp: Double?
  }

  struct BreakEvenEntry: Encodable {
    var kernel: String
    var kind: String
    var lowestWinningSparsity: Double?
    var losingSparsityBelow: Double?
    var interpolatedSparsity: Double?
    var highestMeasuredSparsity: Double?
    var sentence: String
  }

  init(_ report: BenchReport) {
    context = report.context
    plan = report.plan
    groups = report.groups.map {
      Group(name: $0.rawValue, title: $0.title, data: report.dataDescriptions[$0])
    }
    results = report.rows.map { row in
      let timing = row.outcome.timing
      return Row(
        group: row.group.rawValue, kernel: row.kernel, role: row.role.rawValue,
        sparsity: row.sparsity, measuredSparsity: row.measuredSparsity,
        pattern: row.pattern, baseline: row.baseline, series: row.series, bytes: row.bytes,
        status: row.outcome.status, message: row.outcome.message,
        medianSeconds: timing.map { $0.median / 1e9 },
        minSeconds: timing.map { $0.minimum / 1e9 },
        maxSeconds: timing.map { $0.maximum / 1e9 },
        samplesSeconds: timing.map { $0.samples.map { $0 / 1e9 } },
        warmUpRuns: timing?.warmUpRuns, repeats: timing?.repeats,
        iterationsPerSample: timing?.iterationsPerSample,
        speedUp: report.speedUp(of: row))
    }
    breakEven = report.breakEvens().map { name, breakEven in
      var entry = BreakEvenEntry(kernel: name, kind: "", sentence: breakEven.sentence(for: name))
      switch breakEven {
      case .winsFromLowest(let sparsity):
        entry.kind = "winsFromLowest"
        entry.lowestWinningSparsity = sparsity
      case .between(let lower, let upper, let interpolated):
        entry.kind = "between"
        entry.lowestWinningSparsity = upper
        entry.losingSparsityBelow = lower
        entry.interpolatedSparsity = interpolated
      case .neverWins(let highest):
        entry.kind = "neverWins"
        entry.highestMeasuredSparsity = highest
      case .unknown:
        entry.kind = "unknown"
      }
      return entry
    }
  }
}
