extension BenchReport {
  /// The report for a terminal: the context, a table per group with footnotes, the
  /// break-even sentences and the speed-up chart.
  ///
  /// Rows that were not measured say why in words (`not implemented`, `wrong result [1]`);
  /// no figure appears that was not measured.
  ///
  /// - Returns: The text, ending with a newline.
  public func renderText() -> String {
    var lines = ["PruningKit bench"]
    lines += headerLines()
    for group in groups {
      lines.append("")
      let title = dataDescriptions[group].map { "\(group.title): \($0)" } ?? group.title
      lines.append(title)
      lines += groupLines(group)
    }
    let chart = SpeedUpChart(series: speedUpSeries().filter { !$0.points.isEmpty })
    let chartLines = chart.lines()
    if !chartLines.isEmpty {
      lines.append("")
      lines += chartLines
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func headerLines() -> [String] {
    let runs = plan.warmUpRuns == 1 ? "run" : "runs"
    let batch = Format.duration(nanoseconds: Double(plan.minimumSampleNanoseconds))
    let budget = Format.duration(nanoseconds: Double(plan.budgetNanoseconds))
    var table = TextTable(columns: [.init(""), .init("")])
    table.append(["modules", "\(context.modules), \(context.configuration) build"])
    table.append(["machine", context.machine])
    table.append(["data", context.sizes + (context.quick ? " (--quick)" : "")])
    table.append([
      "timing", "median of \(plan.repeats) samples after \(plan.warmUpRuns) warm-up \(runs)",
    ])
    table.append([
      "", "calls under \(batch) are batched; a kernel over its \(budget) budget runs less",
    ])
    table.append([
      "caches", "a kernel and its baseline alternate, each sample warm (after an untimed call)",
    ])
    table.append(["runs", "warm-up + timed samples; ×n: calls per sample"])
    var lines = Array(table.lines(indent: 2).dropFirst())
    if context.configuration != "release" {
      lines.append("  note     a debug build times nothing useful: use swift run -c release bench")
    }
    return lines
  }

  private func groupLines(_ group: BenchGroup) -> [String] {
    let groupRows = rows.filter { $0.group == group }
    let showsSparsity = groupRows.contains { $0.sparsity != nil }
    let showsBytes = groupRows.contains { $0.bytes != nil }
    let showsPattern = Set(groupRows.map(\.pattern)).count > 1
    let showsSpeedUp = groupRows.contains { $0.baseline != nil || $0.role == .baseline }
    var columns: [TextTable.Column] = []
    if showsSparsity { columns.append(.init("sparsity", alignment: .right)) }
    if showsPattern { columns.append(.init("zeros")) }
    columns += [
      .init("kernel"), .init("median", alignment: .right), .init("min", alignment: .right),
      .init("max", alignment: .right), .init("runs", alignment: .right),
    ]
    if showsSpeedUp { columns.append(.init("speed-up")) }
    if showsBytes { columns.append(.init("bytes", alignment: .right)) }

    var table = TextTable(columns: columns)
    var footnotes: [String] = []
    var previous: BenchRow?
    for row in groupRows {
      // A sparsity or pattern is printed once, on the first row of its run.
      let sameSparsity = previous?.sparsity == row.sparsity
      let samePattern = sameSparsity && previous?.pattern == row.pattern
      previous = row
      var cells: [String] = []
      if showsSparsity {
        cells.append(sameSparsity ? "" : row.sparsity.map { Format.percent($0) } ?? "")
      }
      if showsPattern { cells.append(samePattern ? "" : row.pattern ?? "") }
      cells.append(row.kernel)
      if let timing = row.outcome.timing {
        cells += [
          Format.duration(nanoseconds: timing.median),
          Format.duration(nanoseconds: timing.minimum),
          Format.duration(nanoseconds: timing.maximum),
          runs(timing),
        ]
      } else {
        var status = shortStatus(row.outcome)
        if let note = footnote(for: row) {
          if !footnotes.contains(note) { footnotes.append(note) }
          status += " [\((footnotes.firstIndex(of: note) ?? 0) + 1)]"
        }
        cells += [status, "-", "-", "-"]
      }
      if showsSpeedUp { cells.append(speedUpCell(row)) }
      if showsBytes { cells.append(row.bytes.map(Format.bytes) ?? "") }
      table.append(cells)
    }
    var lines = table.lines(indent: 2)
    lines += footnotes.enumerated().map { "  [\($0.offset + 1)] \($0.element)" }
    for (name, breakEven) in breakEvens(in: group) {
      lines.append("  " + breakEven.sentence(for: name))
    }
    return lines
  }

  private func runs(_ timing: Timing) -> String {
    let runs = "\(timing.warmUpRuns)+\(timing.repeats)"
    return timing.iterationsPerSample > 1 ? "\(runs) ×\(timing.iterationsPerSample)" : runs
  }

  private func speedUpCell(_ row: BenchRow) -> String {
    if row.role == .baseline { return "baseline" }
    guard let baseline = row.baseline else { return "" }
    guard let speedUp = speedUp(of: row) else { return "-" }
    return "\(Format.speedUp(speedUp)) vs \(baseline)"
  }

  private func shortStatus(_ outcome: BenchOutcome) -> String {
    switch outcome {
    case .measured: ""
    case .notImplemented: "not implemented"
    case .failed: "failed"
    case .wrongResult: "wrong result"
    case .notCompiled: "not in build"
    }
  }

  /// The detail behind a short status, when the short status does not say it all.
  private func footnote(for row: BenchRow) -> String? {
    switch row.outcome {
    case .measured: nil
    case .notImplemented(let function): "\(function) is not implemented yet"
    case .failed, .wrongResult, .notCompiled:
      "\(row.kernel): \(row.outcome.message ?? "")"
    }
  }
}
