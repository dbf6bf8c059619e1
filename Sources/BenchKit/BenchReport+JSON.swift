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

  /// One result, flat: the row's fields, its outcome's status and message, its timing in
  /// seconds (only when measured) and its speed-up; absent values are left out.
  struct Row: Encodable {
    var row: BenchRow
    var speedUp: Double?

    enum CodingKeys: String, CodingKey {
      case group, kernel, role, sparsity, measuredSparsity, pattern, baseline, series, bytes
      case status, message, medianSeconds, minSeconds, maxSeconds, samplesSeconds
      case warmUpRuns, repeats, iterationsPerSample, speedUp
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(row.group.rawValue, forKey: .group)
      try container.encode(row.kernel, forKey: .kernel)
      try container.encode(row.role.rawValue, forKey: .role)
      try container.encodeIfPresent(row.sparsity, forKey: .sparsity)
      try container.encodeIfPresent(row.measuredSparsity, forKey: .measuredSparsity)
      try container.encodeIfPresent(row.pattern, forKey: .pattern)
      try container.encodeIfPresent(row.baseline, forKey: .baseline)
      try container.encodeIfPresent(row.series, forKey: .series)
      try container.encodeIfPresent(row.bytes, forKey: .bytes)
      try container.encode(row.outcome.status, forKey: .status)
      try container.encodeIfPresent(row.outcome.message, forKey: .message)
      if let timing = row.outcome.timing {
        try container.encode(timing.median / 1e9, forKey: .medianSeconds)
        try container.encode(timing.minimum / 1e9, forKey: .minSeconds)
        try container.encode(timing.maximum / 1e9, forKey: .maxSeconds)
        try container.encode(timing.samples.map { $0 / 1e9 }, forKey: .samplesSeconds)
        try container.encode(timing.warmUpRuns, forKey: .warmUpRuns)
        try container.encode(timing.repeats, forKey: .repeats)
        try container.encode(timing.iterationsPerSample, forKey: .iterationsPerSample)
      }
      try container.encodeIfPresent(speedUp, forKey: .speedUp)
    }
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
    results = report.rows.map { Row(row: $0, speedUp: report.speedUp(of: $0)) }
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
