import Foundation

extension KitApp {
  /// `kit verify --mutants`: grades slips in the reference solutions and reports, per exercise,
  /// the killed, survived and not compiling mutants with each survivor's place.
  ///
  /// - Parameters:
  ///   - options: The exercise, sample, seed and threshold.
  ///   - catalogue: The package.
  ///   - settings: The time limits.
  /// - Returns: 0 when every exercise reaches the threshold, 1 otherwise.
  /// - Throws: `KitError` for an unknown exercise, a malformed allow-list or a workspace that
  ///   cannot be prepared.
  func mutants(
    _ options: MutationOptions, _ catalogue: Catalogue, _ settings: GradingSettings
  ) throws(KitError) -> Int32 {
    let exercises =
      try options.exercise.map { name throws(KitError) in [try catalogue.exercise(named: name)] }
      ?? catalogue.availableExercises
    let equivalents = try MutationTester.loadEquivalents(catalogue)
    let tester = MutationTester(
      catalogue: catalogue, runner: runner, settings: settings, equivalents: equivalents)
    let sample = options.sample.map { "a sample of \($0) per exercise, seed \(options.seed)" }
    console.line(
      "kit verify --mutants: slips in the reference solutions against the grading tests ("
        + (sample ?? "every mutant") + ")")
    var failed = false
    let reports = try tester.run(
      exercises, sample: options.sample, seed: options.seed,
      progress: { step in console.writeError("kit verify --mutants: \(step)\n") },
      finished: { report in
        for line in report.lines(threshold: options.threshold) { console.line(line) }
        if report.problem != nil || (report.killRate ?? 1) < options.threshold { failed = true }
      })
    for entry in equivalents where entry.reason.trimmingCharacters(in: .whitespaces).isEmpty {
      console.line("  problem: \(EquivalentMutant.path): \(entry.file):\(entry.line) has no reason")
      failed = true
    }
    let killed = reports.reduce(0) { $0 + $1.count(.killed) }
    let survived = reports.reduce(0) { $0 + $1.count(.survived) }
    let broken = reports.reduce(0) { $0 + $1.count(.notCompiling) }
    let lowest = reports.compactMap { report in report.killRate.map { (report, $0) } }
      .min { $0.1 < $1.1 }
    let lowestText =
      lowest.map { "lowest \(MutationReport.percent($0.1)) (\($0.0.exercise.title))" }
      ?? "no mutant compiled"
    console.line(
      "kit-mutants: \(killed) killed, \(survived) survived, \(broken) not compiling; "
        + "\(lowestText); threshold \(MutationReport.percent(options.threshold))")
    return failed ? Self.failure : Self.success
  }
}
