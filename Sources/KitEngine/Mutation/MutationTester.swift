import Foundation

/// What grading one mutant with its exercise's suite found.
public enum MutantOutcome: Hashable, Sendable {
  /// A grading test failed, the run crashed or ran over its time: the suite caught the slip.
  case killed

  /// Every grading test passed: a learner with this slip would be told it is right.
  case survived

  /// The mutant does not compile (the compiler caught it; it counts neither way).
  case notCompiling
}

/// One exercise's mutation results.
public struct MutationReport: Hashable, Sendable {
  /// The exercise.
  public var exercise: Exercise

  /// How many mutants its reference solution has in all (given files left out).
  public var generated: Int

  /// How many mutants each file of the reference can produce, by path; a given file
  /// (byte-identical in `Exercises/` and `Solutions/`) is not learner work and has none.
  public var perFile: [String: Int]

  /// The given files left out.
  public var givenFiles: [String]

  /// Seconds spent building and grading the mutants run (the unchanged reference's first
  /// build not counted).
  public var seconds: Double

  /// How many of them the allow-list names as equivalent (never run).
  public var equivalent: Int

  /// The mutants run (all, or the sample) and what each did.
  public var results: [Mutant: MutantOutcome]

  /// A reason the exercise could not be tested (the reference does not build or fails).
  public var problem: String?

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - exercise: The exercise.
  ///   - generated: The mutants in all.
  ///   - equivalent: The allow-listed ones.
  ///   - results: The outcome of each mutant run.
  ///   - problem: Why nothing could be run, if so.
  ///   - perFile: The mutants each file can produce.
  ///   - givenFiles: The given files left out.
  ///   - seconds: Seconds spent on the mutants run.
  public init(
    exercise: Exercise, generated: Int = 0, equivalent: Int = 0,
    results: [Mutant: MutantOutcome] = [:], problem: String? = nil,
    perFile: [String: Int] = [:], givenFiles: [String] = [], seconds: Double = 0
  ) {
    self.exercise = exercise
    self.generated = generated
    self.perFile = perFile
    self.givenFiles = givenFiles
    self.seconds = seconds
    self.equivalent = equivalent
    self.results = results
    self.problem = problem
  }

  /// The mutants with a given outcome, in file and line order.
  ///
  /// - Parameter outcome: The outcome.
  /// - Returns: The mutants.
  public func mutants(_ outcome: MutantOutcome) -> [Mutant] {
    results.filter { $0.value == outcome }.keys.sorted {
      ($0.file, $0.range.lowerBound, $0.replacement)
        < ($1.file, $1.range.lowerBound, $1.replacement)
    }
  }

  /// The number of mutants with a given outcome.
  ///
  /// - Parameter outcome: The outcome.
  /// - Returns: The count.
  public func count(_ outcome: MutantOutcome) -> Int { results.values.count { $0 == outcome } }

  /// Killed ÷ (killed + survived), or `nil` when no mutant compiled.
  public var killRate: Double? {
    let killed = count(.killed)
    let compiled = killed + count(.survived)
    return compiled == 0 ? nil : Double(killed) / Double(compiled)
  }
}

/// A mutant the maintainers reviewed and found equivalent: no input can tell it from the
/// reference, so no test can kill it. Listed in `.kit/equivalent-mutants.json`.
public struct EquivalentMutant: Codable, Hashable, Sendable {
  /// The file, relative to the package root.
  public var file: String

  /// The 1-based line.
  public var line: Int

  /// The change, as ``Mutant/change`` writes it (`` `<` → `<=` ``).
  public var change: String

  /// Why it cannot change behaviour.
  public var reason: String

  /// Creates an entry.
  ///
  /// - Parameters:
  ///   - file: The file, relative to the package root.
  ///   - line: The 1-based line.
  ///   - change: The change, as ``Mutant/change`` writes it.
  ///   - reason: Why it cannot change behaviour.
  public init(file: String, line: Int, change: String, reason: String) {
    self.file = file
    self.line = line
    self.change = change
    self.reason = reason
  }

  /// The allow-list's place under the package root.
  public static let path = ".kit/equivalent-mutants.json"

  /// Whether this entry names a mutant.
  ///
  /// - Parameter mutant: A mutant.
  /// - Returns: `true` for the same file, line and change.
  public func matches(_ mutant: Mutant) -> Bool {
    file == mutant.file && line == mutant.line && change == mutant.change
  }
}

/// Grades mutants of the reference solutions with the exercises' suites.
///
/// The package is copied once into a workspace (its build folder kept between runs, so every
/// build after the first is incremental); each mutant replaces one file of the copy, is built
/// with `KIT_SOLUTIONS=1 KIT_MAINTAINER=0 KIT_ONLY=<exercise>` (the exercise's module and
/// its grading suite, no maintainer suites) and graded with that exercise's suite alone,
/// through the kit's process-group runner and its time limits, and the file is put back.
public struct MutationTester: Sendable {
  /// The real package.
  public var catalogue: Catalogue

  /// What runs `swift`.
  public var runner: any CommandRunning

  /// The time limits (the build folder is the workspace's own `.build`).
  public var settings: GradingSettings

  /// The workspace, an absolute path (created when missing).
  public var workspace: String

  /// The reviewed equivalent mutants.
  public var equivalents: [EquivalentMutant]

  /// Creates a tester.
  ///
  /// - Parameters:
  ///   - catalogue: The real package.
  ///   - runner: What runs `swift`.
  ///   - settings: The time limits for builds and test runs.
  ///   - workspace: Where to copy the package; `<root>/.build-mutants/package` by default.
  ///   - equivalents: The allow-list.
  public init(
    catalogue: Catalogue,
    runner: any CommandRunning,
    settings: GradingSettings,
    workspace: String? = nil,
    equivalents: [EquivalentMutant] = []
  ) {
    self.catalogue = catalogue
    self.runner = runner
    var settings = settings
    settings.usesSolutions = true
    settings.includesMaintainerSuites = false
    settings.sharedScratchPath = nil
    settings.scratchPath = ".build"
    self.settings = settings
    self.workspace = workspace ?? catalogue.absolute(".build-mutants/package")
    self.equivalents = equivalents
  }

  /// Reads the allow-list of a package.
  ///
  /// - Parameter catalogue: The package.
  /// - Returns: The entries; empty when the file does not exist.
  /// - Throws: `KitError.usage` when the file is not a JSON list of entries.
  public static func loadEquivalents(
    _ catalogue: Catalogue
  ) throws(KitError) -> [EquivalentMutant] {
    guard let data = FileManager.default.contents(atPath: catalogue.absolute(EquivalentMutant.path))
    else { return [] }
    do {
      return try JSONDecoder().decode([EquivalentMutant].self, from: data)
    } catch {
      throw .usage("\(EquivalentMutant.path) is not a list of {file, line, change, reason}")
    }
  }

  /// The mutants of an exercise's reference solution, every learner file, in source order.
  ///
  /// - Parameter exercise: The exercise.
  /// - Returns: The mutants.
  public func mutants(of exercise: Exercise) -> [Mutant] {
    mutantsByFile(of: exercise).flatMap(\.mutants)
  }

  /// The mutants of each learner file of an exercise's reference solution, in file order.
  ///
  /// A given file, byte-identical in `Exercises/` and `Solutions/`, is not learner work: no
  /// learner can make a slip in it, so it has no mutants and is not listed.
  ///
  /// - Parameter exercise: The exercise.
  /// - Returns: Each learner file with its mutants, in source order.
  public func mutantsByFile(of exercise: Exercise) -> [(file: String, mutants: [Mutant])] {
    catalogue.swiftFiles(in: exercise.solutionPath).filter { !isGiven($0, in: exercise) }
      .map { file in
        let text = (try? String(contentsOfFile: catalogue.absolute(file), encoding: .utf8)) ?? ""
        return (file, MutantGenerator.mutants(of: text, file: file))
      }
  }

  /// The allow-list entries for the given exercises' files that name no mutant any more (the
  /// line moved or the code changed): each must be reviewed again and its line corrected.
  ///
  /// - Parameter exercises: The exercises.
  /// - Returns: The stale entries, in allow-list order.
  public func staleEquivalents(in exercises: [Exercise]) -> [EquivalentMutant] {
    let mutants = exercises.flatMap { exercise in
      equivalents.contains { $0.file.hasPrefix(exercise.solutionPath + "/") }
        ? self.mutants(of: exercise) : []
    }
    return equivalents.filter { entry in
      exercises.contains { entry.file.hasPrefix($0.solutionPath + "/") }
        && !mutants.contains { entry.matches($0) }
    }
  }

  /// The given files of an exercise: the reference files byte-identical to the stubs' files.
  ///
  /// - Parameter exercise: The exercise.
  /// - Returns: Their paths relative to the package root, sorted.
  public func givenFiles(of exercise: Exercise) -> [String] {
    catalogue.swiftFiles(in: exercise.solutionPath).filter { isGiven($0, in: exercise) }
  }

  private func isGiven(_ file: String, in exercise: Exercise) -> Bool {
    let twin = exercise.exercisePath + file.dropFirst(exercise.solutionPath.count)
    guard let stub = FileManager.default.contents(atPath: catalogue.absolute(twin)) else {
      return false
    }
    return FileManager.default.contents(atPath: catalogue.absolute(file)) == stub
  }

  /// A seeded sample of mutants: the `count` whose hash with the seed is smallest, so the same
  /// seed picks the same mutants, in source order.
  ///
  /// - Parameters:
  ///   - mutants: The mutants.
  ///   - count: How many to keep.
  ///   - seed: The seed.
  /// - Returns: At most `count` mutants.
  public static func sample(_ mutants: [Mutant], count: Int, seed: UInt64) -> [Mutant] {
    func hash(_ mutant: Mutant) -> UInt64 {
      var value: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
      for byte in "\(mutant.file)|\(mutant.range.lowerBound)|\(mutant.replacement)".utf8 {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
      }
      return value
    }
    let chosen = Set(mutants.sorted { hash($0) < hash($1) }.prefix(count))
    return mutants.filter { chosen.contains($0) }
  }

  /// Brings the workspace up to date with the package: writes each file whose contents differ
  /// and removes the files the package no longer has, keeping the workspace's build folder and
  /// the modification times of unchanged files, so the next build stays incremental.
  ///
  /// - Throws: `KitError.usage` when the workspace cannot be written.
  public func prepareWorkspace() throws(KitError) {
    let files = FileManager.default
    let skipped: (String) -> Bool = { name in
      name.hasPrefix(".build") || name == ".git" || name == ".swiftpm"
    }
    let sources = Set(
      ((try? files.contentsOfDirectory(atPath: catalogue.root)) ?? []).filter { !skipped($0) }
        .flatMap { item in
          var isDirectory: ObjCBool = false
          _ = files.fileExists(atPath: catalogue.absolute(item), isDirectory: &isDirectory)
          return isDirectory.boolValue ? catalogue.files(in: item) : [item]
        })
    do {
      try files.createDirectory(atPath: workspace, withIntermediateDirectories: true)
      for file in sources {
        let target = workspace + "/" + file
        let contents = files.contents(atPath: catalogue.absolute(file)) ?? Data()
        if files.contents(atPath: target) == contents { continue }
        try files.createDirectory(
          atPath: (target as NSString).deletingLastPathComponent,
          withIntermediateDirectories: true)
        try contents.write(to: URL(fileURLWithPath: target))
      }
      var copy = catalogue
      copy.root = workspace
      for item in try files.contentsOfDirectory(atPath: workspace) where !skipped(item) {
        var isDirectory: ObjCBool = false
        _ = files.fileExists(atPath: workspace + "/" + item, isDirectory: &isDirectory)
        for file in isDirectory.boolValue ? copy.files(in: item) : [item]
        where !sources.contains(file) {
          try files.removeItem(atPath: workspace + "/" + file)
        }
      }
    } catch {
      throw .usage("cannot copy the package to \(workspace): \(error.localizedDescription)")
    }
  }

  /// Runs the mutants of each exercise (all, or a seeded sample per exercise).
  ///
  /// - Parameters:
  ///   - exercises: The exercises.
  ///   - sample: How many mutants per exercise, or `nil` for all.
  ///   - seed: The sample's seed.
  ///   - progress: Called with a short description of each step, and with each survivor as
  ///     soon as it survives (so a long run that is stopped has still said what it found).
  ///   - finished: Called with each exercise's report as soon as it is complete.
  ///   - listOnly: Count the mutants without building or grading anything.
  /// - Returns: One report per exercise.
  /// - Throws: `KitError.usage` when the workspace cannot be prepared.
  public func run(
    _ exercises: [Exercise],
    sample: Int? = nil,
    seed: UInt64 = 1,
    progress: (String) -> Void = { _ in },
    finished: (MutationReport) -> Void = { _ in },
    listOnly: Bool = false
  ) throws(KitError) -> [MutationReport] {
    if !listOnly { try prepareWorkspace() }
    var copy = catalogue
    copy.root = workspace
    let grader = Grader(catalogue: copy, runner: runner, settings: settings)
    var reports: [MutationReport] = []
    for exercise in exercises {
      if KitInterrupt.wasRequested { break }
      let byFile = mutantsByFile(of: exercise)
      let all = byFile.flatMap(\.mutants)
      let candidates = all.filter { mutant in !equivalents.contains { $0.matches(mutant) } }
      var report = MutationReport(
        exercise: exercise, generated: all.count, equivalent: all.count - candidates.count,
        perFile: Dictionary(uniqueKeysWithValues: byFile.map { ($0.file, $0.mutants.count) }),
        givenFiles: givenFiles(of: exercise))
      let chosen = sample.map { Self.sample(candidates, count: $0, seed: seed) } ?? candidates
      if listOnly {
        reports.append(report)
        finished(report)
        continue
      }
      progress("\(exercise.title): building and grading the unchanged reference")
      switch grade(exercise, grader) {
      case .killed:
        report.problem = "the unchanged reference does not pass its suite"
      case .notCompiling:
        report.problem = "the unchanged reference does not build"
      case .survived:
        let start = ContinuousClock.now
        for (index, mutant) in chosen.enumerated() {
          if KitInterrupt.wasRequested { break }
          progress("\(exercise.title): mutant \(index + 1) of \(chosen.count): \(mutant)")
          let outcome = grade(exercise, grader, mutant: mutant)
          report.results[mutant] = outcome
          if outcome == .survived { progress("\(exercise.title): survived: \(mutant)") }
        }
        let elapsed = ContinuousClock.now - start
        report.seconds =
          Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      }
      reports.append(report)
      finished(report)
    }
    return reports
  }

  /// Builds and grades one exercise in the workspace, with one mutant swapped in if given.
  private func grade(_ exercise: Exercise, _ grader: Grader, mutant: Mutant? = nil)
    -> MutantOutcome
  {
    let path = workspace + "/" + (mutant?.file ?? "")
    let original = mutant.flatMap { _ in try? String(contentsOfFile: path, encoding: .utf8) }
    if let mutant, let original {
      try? mutant.applied(to: original).write(toFile: path, atomically: true, encoding: .utf8)
    }
    defer {
      if let original { try? original.write(toFile: path, atomically: true, encoding: .utf8) }
    }
    let build = ShellCommand(
      "swift",
      ["build", "--product", catalogue.testProduct, "--scratch-path", settings.scratchPath],
      in: workspace, environment: grader.buildEnvironment(for: [exercise]),
      timeout: settings.buildTimeout, grace: settings.grace)
    guard let built = try? runner.run(build), built.succeeded else { return .notCompiling }
    let (run, result) = grader.runTests(
      filter: exercise.testFilter, built: [exercise], name: "mutant",
      timeout: settings.testTimeout)
    let passed = result.succeeded && run.ended && run.failedTests.isEmpty && run.passedCount > 0
    return passed ? .survived : .killed
  }
}

extension MutationReport {
  /// The report's lines: the exercise's verdict, then each survivor with its line.
  ///
  /// - Parameter threshold: The kill rate below which the verdict says so.
  /// - Returns: The lines.
  public func lines(threshold: Double) -> [String] {
    let title = exercise.title
    if let problem { return ["  \(title): not tested: \(problem)"] }
    let killed = count(.killed)
    let compiled = killed + count(.survived)
    let rate = killRate.map { String(format: "%.1f %%", $0 * 100) } ?? "no mutant compiled"
    let below = (killRate ?? 1) < threshold ? " (below \(Self.percent(threshold)))" : ""
    var lines = [
      "  \(title): \(killed) of \(compiled) compiling mutants killed (\(rate))\(below); "
        + "\(count(.notCompiling)) not compiling; \(results.count) run of \(generated) "
        + "generated, \(equivalent) allow-listed as equivalent"
    ]
    if !results.isEmpty {
      lines.append(
        "    " + String(format: "%.1f s per mutant", seconds / Double(results.count))
          + " (\(results.count) in " + String(format: "%.0f s", seconds) + ")")
    }
    for mutant in mutants(.survived) {
      lines.append("    survived: \(mutant.description)    in: \(mutant.context)")
    }
    return lines
  }

  /// What a full run of the exercise would grade: the mutants of each learner file and the
  /// given files left out.
  ///
  /// - Returns: The lines.
  public func inventoryLines() -> [String] {
    let count = givenFiles.count
    let given =
      count == 0 ? "" : "; \(count) given file\(count == 1 ? "" : "s") left out"
    var lines = [
      "  \(exercise.title): \(generated) mutants, \(equivalent) allow-listed as equivalent"
        + given
    ]
    let prefix = exercise.solutionPath + "/"
    for (file, count) in perFile.sorted(by: { $0.key < $1.key }) {
      let name = file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
      lines.append("    \(name): \(count)")
    }
    return lines
  }

  static func percent(_ fraction: Double) -> String { String(format: "%.1f %%", fraction * 100) }
}
