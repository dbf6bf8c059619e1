import Foundation

extension KitApp {
  /// `kit verify --mutants`: grades slips in the reference solutions and reports, per exercise,
  /// the killed, survived and not compiling mutants with each survivor's place; with `--list`,
  /// only how many mutants each file can produce.
  ///
  /// - Parameters:
  ///   - options: The exercise, sample, seed and threshold.
  ///   - catalogue: The package.
  ///   - settings: The time limits.
  /// - Returns: 0 when every exercise reaches the threshold (with `--list`, when every
  ///   allow-list entry still names a mutant), 1 otherwise.
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
    let stale = tester.staleEquivalents(in: exercises)
    for entry in stale {
      console.line(
        "  problem: \(EquivalentMutant.path): \(entry.file):\(entry.line) \(entry.change) "
          + "names no mutant (the line moved or changed: review it again)")
    }
    if options.listsOnly {
      console.line("kit verify --mutants --list: the mutants of each learner file")
      let reports = try tester.run(
        exercises, finished: { for line in $0.inventoryLines() { console.line(line) } },
        listOnly: true)
      let total = reports.reduce(0) { $0 + $1.generated - $1.equivalent }
      console.line("kit-mutants: \(total) mutants to run in a full run")
      return stale.isEmpty ? Self.success : Self.failure
    }
    let sample = options.sample.map { "a sample of \($0) per exercise, seed \(options.seed)" }
    console.line(
      "kit verify --mutants: slips in the reference solutions against the grading tests ("
        + (sample ?? "every mutant") + ")")
    var failed = !stale.isEmpty
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
