import PruningCore
import PruningMetrics
import PruningTestSupport
import Testing

@Suite("Text tables (renderTable)")
struct TextTableTests {
  @Test("The worked example: left-aligned labels, right-aligned values, a rule under the header")
  func workedExample() throws {
    let table = try renderTable([["name", "value"], ["a", "1"], ["longer", "22"]])
    #expect(table == "name    value\n------  -----\na           1\nlonger     22")
  }

  @Test("Widths count Characters, so × and µ take one column each")
  func characters() throws {
    let table = try renderTable([["x", "ratio"], ["speedup", "1.25×"], ["time", "2.0 µs"]])
    #expect(
      table == """
        x         ratio
        -------  ------
        speedup   1.25×
        time     2.0 µs
        """)
  }

  @Test("A header alone, and one column")
  func edges() throws {
    try expectEqual(
      renderTable([["a", "bb", "c"]]), "a  bb  c\n-  --  -",
      "renderTable([[\"a\", \"bb\", \"c\"]])")
    try expectEqual(
      renderTable([["head"], ["x"]]), "head\n----\nx   ", "renderTable([[\"head\"], [\"x\"]])")
  }

  @Test("No rows, no columns, or a row of another length throws the exact error")
  func errors() {
    #expect(throws: PruningError.emptyInput("rows")) { try renderTable([]) }
    #expect(throws: PruningError.emptyInput("columns")) { try renderTable([[], []]) }
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [3])) {
      try renderTable([["a", "b"], ["1", "2"], ["1", "2", "3"]])
    }
  }
}

@Suite("Model summaries and the pruning report (ModelSummary, PruningReport)")
struct PruningReportTests {
  @Test("A summary measures the model with this exercise's functions")
  func summary() throws {
    let model = Sequential([.dense(try Fixtures.exampleDense()), .relu])
    let summary = try ModelSummary(
      model: model, inputShape: [1, 3], accuracy: 0.85, latencyNanoseconds: 1600)
    #expect(
      summary
        == ModelSummary(
          accuracy: 0.85, parameters: ParameterCount(total: 8, nonZero: 4), multiplyAccumulates: 6,
          effectiveMultiplyAccumulates: 3, latencyNanoseconds: 1600, denseBytes: 32, csrBytes: 52,
          bitmaskBytes: 18))
    try expectEqual(
      ModelSummary(model: model, inputShape: [1, 3], accuracy: 1).latencyNanoseconds, nil,
      "ModelSummary(model: model, inputShape: [1, 3], accuracy: 1).latencyNanoseconds")
  }

  @Test(
    "Random models: every field agrees with the functions it comes from",
    arguments: RandomData.seeds)
  func randomSummaries(seed: UInt64) throws {
    let (model, inputShape) = try Fixtures.randomModel(seed: seed)
    let summary = try ModelSummary(model: model, inputShape: inputShape, accuracy: 0.5)
    let (total, nonZero) = Oracle.parameters(of: model)
    #expect(summary.parameters == ParameterCount(total: total, nonZero: nonZero))
    let layers = Oracle.layerMACs(of: model, inputShape: inputShape)
    #expect(summary.multiplyAccumulates == layers.map(\.macs).reduce(0, +))
    expectClose(
      summary.effectiveMultiplyAccumulates, layers.map { Double($0.macs) * $0.density }.reduce(0, +)
    )
    #expect(summary.denseBytes == 4 * total)
    try expectEqual(summary.csrBytes, modelSize(of: model, format: .csr), "summary.csrBytes")
    try expectEqual(
      summary.bitmaskBytes, modelSize(of: model, format: .bitmask),
      "summary.bitmaskBytes")
  }

  @Test("A bad accuracy or latency throws before the model is looked at")
  func summaryErrors() throws {
    let model = Sequential([.dense(try Fixtures.exampleDense())])
    #expect(throws: PruningError.invalidAccuracy(1.5)) {
      try ModelSummary(model: model, inputShape: [1, 3], accuracy: 1.5)
    }
    #expect(throws: PruningError.invalidAccuracy(-0.1)) {
      try ModelSummary(model: model, inputShape: [1, 7], accuracy: -0.1)
    }
    #expect(throws: PruningError.invalidLatency(0)) {
      try ModelSummary(model: model, inputShape: [1, 7], accuracy: 0.5, latencyNanoseconds: 0)
    }
    try expectEqual(
      ModelSummary(model: model, inputShape: [1, 3], accuracy: 0.5, latencyNanoseconds: 0.5)
        .latencyNanoseconds, 0.5, "a latency below 1 ns is positive")
    #expect(throws: PruningError.shapeMismatch(expected: [1, 3], actual: [1, 7])) {
      try ModelSummary(model: model, inputShape: [1, 7], accuracy: 0.5)
    }
    let error = #expect(throws: PruningError.self) {
      try PruningReport(
        baseline: model, pruned: model, inputShape: [1, 3], baselineAccuracy: 0.9,
        prunedAccuracy: .nan)
    }
    guard case .invalidAccuracy(let value) = error, value.isNaN else {
      Issue.record("expected .invalidAccuracy(nan), got \(String(describing: error))")
      return
    }
  }

  @Test("The rows of a 64 → 32 → 10 MLP pruned to about 90 %")
  func rows() throws {
    let report = PruningReport(
      baseline: ModelSummary(
        accuracy: 0.975, parameters: ParameterCount(total: 2410, nonZero: 2410),
        multiplyAccumulates: 2368, effectiveMultiplyAccumulates: 2368, latencyNanoseconds: 12_300,
        denseBytes: 9640, csrBytes: 19_472, bitmaskBytes: 9942),
      pruned: ModelSummary(
        accuracy: 0.969, parameters: ParameterCount(total: 2410, nonZero: 279),
        multiplyAccumulates: 2368, effectiveMultiplyAccumulates: 236.8, latencyNanoseconds: 12_100,
        denseBytes: 9640, csrBytes: 2496, bitmaskBytes: 1412))
    let expected: [[String]] = [
      ["metric", "baseline", "pruned"],
      ["accuracy", "97.50%", "96.90%"],
      ["accuracy change", "+0.00 pp", "-0.60 pp"],
      ["parameters", "2410", "2410"],
      ["non-zero parameters", "2410", "279"],
      ["sparsity", "0.00%", "88.42%"],
      ["compression", "1.00×", "8.64×"],
      ["MACs", "2368", "2368"],
      ["theoretical speedup", "1.00×", "10.00×"],
      ["median latency", "12.3 µs", "12.1 µs"],
      ["measured speedup", "1.00×", "1.02×"],
      ["dense size (fp32)", "9640 B", "9640 B"],
      ["CSR size (int32)", "19472 B", "2496 B"],
      ["bitmask size", "9942 B", "1412 B"],
    ]
    let actual = try report.rows()
    #expect(actual.count == expected.count)
    for (index, row) in expected.enumerated() where index < actual.count {
      #expect(actual[index] == row, "row \(index)")
    }
  }

  @Test(
    "Ratios are against the baseline's counts; sparsity is each model's own zeros; n/a latencies")
  func structuralAndMissingLatency() throws {
    // The baseline already has zeros (6 of 8 non-zero); the pruned model is smaller (5 in all).
    let report = PruningReport(
      baseline: ModelSummary(
        accuracy: 0.5, parameters: ParameterCount(total: 8, nonZero: 6), multiplyAccumulates: 6,
        effectiveMultiplyAccumulates: 4, denseBytes: 32, csrBytes: 60, bitmaskBytes: 26),
      pruned: ModelSummary(
        accuracy: 0.5, parameters: ParameterCount(total: 5, nonZero: 3), multiplyAccumulates: 4,
        effectiveMultiplyAccumulates: 3, latencyNanoseconds: 1500, denseBytes: 20, csrBytes: 40,
        bitmaskBytes: 14))
    let rows = try report.rows()
    #expect(rows.count == 14)
    guard rows.count == 14 else { return }
    #expect(rows[2] == ["accuracy change", "+0.00 pp", "+0.00 pp"])
    #expect(rows[5] == ["sparsity", "25.00%", "40.00%"])
    #expect(rows[6] == ["compression", "1.33×", "2.67×"])
    #expect(rows[8] == ["theoretical speedup", "1.50×", "2.00×"])
    #expect(rows[9] == ["median latency", "n/a", "1.5 µs"])
    #expect(rows[10] == ["measured speedup", "n/a", "n/a"])
  }

  @Test("Models without parameters show 0.00% sparsity; latencies are µs to one decimal")
  func noParametersAndLatencyDigits() throws {
    func summary(latency: Double) -> ModelSummary {
      ModelSummary(
        accuracy: 0.5, parameters: ParameterCount(total: 0, nonZero: 0), multiplyAccumulates: 0,
        effectiveMultiplyAccumulates: 0, latencyNanoseconds: latency, denseBytes: 0,
        csrBytes: 4, bitmaskBytes: 0)
    }
    let rows = try PruningReport(
      baseline: summary(latency: 123_456), pruned: summary(latency: 24_690)
    ).rows()
    #expect(rows.count == 14)
    guard rows.count == 14 else { return }
    #expect(rows[5] == ["sparsity", "0.00%", "0.00%"], "0 ÷ 0 zeros is shown as no sparsity")
    #expect(rows[9] == ["median latency", "123.5 µs", "24.7 µs"])
    #expect(rows[10] == ["measured speedup", "1.00×", "5.00×"])
  }

  @Test("The rendered report of the README's dense layer and its pruned version, exactly")
  func rendered() throws {
    let report = try PruningReport(
      baseline: Sequential([.dense(try Fixtures.exampleDenseUnpruned())]),
      pruned: Sequential([.dense(try Fixtures.exampleDense())]), inputShape: [1, 3],
      baselineAccuracy: 0.9, prunedAccuracy: 0.85, baselineLatencyNanoseconds: 2000,
      prunedLatencyNanoseconds: 1600)
    let expected = """
      metric               baseline    pruned
      -------------------  --------  --------
      accuracy               90.00%    85.00%
      accuracy change      +0.00 pp  -5.00 pp
      parameters                  8         8
      non-zero parameters         8         4
      sparsity                0.00%    50.00%
      compression             1.00×     2.00×
      MACs                        6         6
      theoretical speedup     1.00×     2.00×
      median latency         2.0 µs    1.6 µs
      measured speedup        1.00×     1.25×
      dense size (fp32)        32 B      32 B
      CSR size (int32)         84 B      52 B
      bitmask size             34 B      18 B
      """
    let actual = try report.rendered()
    #expect(actual == expected, "\n\(actual)")
  }

  @Test(
    "Random pairs: the report's cells match the model-level functions", arguments: RandomData.seeds)
  func randomReports(seed: UInt64) throws {
    let (baseline, inputShape) = try Fixtures.randomModel(seed: seed)
    let pruned = try Fixtures.masked(baseline) { ($0 * 7 + Int(seed)) % 4 != 0 }
    let report = try PruningReport(
      baseline: baseline, pruned: pruned, inputShape: inputShape, baselineAccuracy: 0.8,
      prunedAccuracy: 0.75, baselineLatencyNanoseconds: 5000, prunedLatencyNanoseconds: 4000)
    let rows = try report.rows()
    #expect(rows.count == 14)
    guard rows.count == 14 else { return }
    let baselineCount = try parameterCount(of: baseline)
    let prunedCount = try parameterCount(of: pruned)
    #expect(
      rows[4] == ["non-zero parameters", "\(baselineCount.nonZero)", "\(prunedCount.nonZero)"])
    let zeros = Double(prunedCount.total - prunedCount.nonZero)
    #expect(rows[5][2] == Oracle.f2(100 * zeros / Double(prunedCount.total)) + "%")
    expectClose(try sparsity(of: pruned), zeros / Double(prunedCount.total))
    #expect(
      rows[6][2]
        == Oracle.f2(Double(baselineCount.total) / Double(prunedCount.nonZero)) + "×")
    let dense = Double(try macs(of: baseline, inputShape: inputShape))
    try expectEqual(
      rows[8][2], Oracle.f2(dense / (try effectiveMACs(of: pruned, inputShape: inputShape))) + "×",
      "rows[8][2]")
    #expect(rows[10] == ["measured speedup", "1.00×", "1.25×"])
    try expectEqual(rows[11][2], "\(try modelSize(of: pruned, format: .dense)) B", "rows[11][2]")
  }
}
