import Foundation
import KitSupport

/// A cache shared by the closures of `kit watch`.
private final class CacheBox {
  var cache: GradeCache
  init(_ cache: GradeCache) { self.cache = cache }
}

/// The `kit` program: parses a command line, runs the command, and returns the exit status.
///
/// Everything the program touches comes in from outside (the console, the environment, what
/// runs `swift` and `git`, the clock), so tests drive it exactly as a learner's terminal does.
public struct KitApp {
  /// Exit status for success.
  public static let success: Int32 = 0

  /// Exit status for a failure: a check that fails, a problem found, an error.
  public static let failure: Int32 = 1

  /// Exit status for a command line that cannot be understood (`EX_USAGE`).
  public static let usageError: Int32 = 64

  /// Where output goes and answers come from.
  public var console: any Console

  /// The process environment.
  public var environment: [String: String]

  /// What runs `swift` and `git`.
  public var runner: any CommandRunning

  /// The folder the program was started in.
  public var currentDirectory: String

  /// How the learner runs the kit, as shown in suggested commands.
  public var displayName: String

  /// The clock, which names backup folders.
  public var now: @Sendable () -> Date

  /// Creates the program.
  ///
  /// - Parameters:
  ///   - console: Where output goes and answers come from.
  ///   - environment: The process environment.
  ///   - runner: What runs `swift` and `git`.
  ///   - currentDirectory: The folder the program was started in.
  ///   - displayName: How the learner runs the kit; `swift run kit` by default.
  ///   - now: The clock.
  public init(
    console: any Console = StandardConsole(interruptRequested: { KitInterrupt.wasRequested }),
    environment: [String: String] = ProcessInfo.processInfo.environment,
    runner: any CommandRunning = ProcessRunner(),
    currentDirectory: String = FileManager.default.currentDirectoryPath,
    displayName: String = "swift run kit",
    now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.console = console
    self.environment = environment
    self.runner = runner
    self.currentDirectory = currentDirectory
    self.displayName = displayName
    self.now = now
  }

  /// Runs a command line.
  ///
  /// - Parameter arguments: The arguments, without the program name.
  /// - Returns: The exit status: 0, 1, 64, or 130 after a Ctrl-C.
  public func run(_ arguments: [String]) -> Int32 {
    do throws(KitError) {
      let invocation = try KitInvocation.parse(arguments)
      let status = try execute(invocation)
      if KitInterrupt.wasRequested { throw .interrupted }
      return status
    } catch {
      if KitInterrupt.wasRequested || error == .interrupted {
        console.writeError("\nkit: \(KitError.interrupted.description)\n")
        return KitInterrupt.exitStatus
      }
      console.writeError("kit: \(error.description)\n")
      return error.isUsageError ? Self.usageError : Self.failure
    }
  }

  /// The colour setting for standard output.
  public var style: TextStyle {
    TextStyle.detect(isTerminal: console.outputIsTerminal, environment: environment)
  }

  private func execute(_ invocation: KitInvocation) throws(KitError) -> Int32 {
    if invocation.command == .help {
      console.writeWrapped(KitInvocation.usage(command: displayName))
      return Self.success
    }
    let root = try Self.packageRoot(from: invocation.packagePath ?? currentDirectory)
    var cache = GradeCache.load(root: root)
    let catalogue = try loadCatalogue(root: root, cache: &cache)
    let settings = try gradingSettings(invocation)
    switch invocation.command {
    case .help, .status:
      return status(catalogue, settings, cache: &cache)
    case .check(let name):
      return try check(catalogue.exercise(named: name), catalogue, settings, cache: &cache)
    case .hint(let name, let level):
      return try hint(catalogue.exercise(named: name), level: level, catalogue)
    case .solution(let name, let diff, let only):
      return try solution(
        catalogue.exercise(named: name), diff: diff, only: only,
        assumesYes: invocation.assumesYes, catalogue, settings)
    case .reset(let name):
      let exercises = try name.map { name throws(KitError) in [try catalogue.exercise(named: name)]
      }
      let present = catalogue.exercises.filter { !catalogue.files(in: $0.exercisePath).isEmpty }
      return try reset(exercises ?? present, assumesYes: invocation.assumesYes, catalogue)
    case .verify:
      return verify(catalogue, settings)
    case .mutants(let options):
      return try mutants(options, catalogue, settings)
    case .watch:
      return watch(catalogue, settings, cache: cache)
    case .interview(let options):
      return try interview(options, catalogue, settings, cache: &cache)
    }
  }

  /// Finds the package root: the folder, or the nearest folder above it, with a Package.swift.
  ///
  /// - Parameter folder: Where to start.
  /// - Returns: The absolute path of the package root.
  /// - Throws: `KitError.packageNotFound` when no folder up to `/` has a Package.swift.
  public static func packageRoot(from folder: String) throws(KitError) -> String {
    var url = URL(fileURLWithPath: folder).standardizedFileURL
    while true {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url.path
      }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { throw .packageNotFound(folder) }
      url = parent
    }
  }

  /// The catalogue, from the cached package description while `Package.swift` is unchanged
  /// (`swift package dump-package` takes seconds), else from SwiftPM.
  private func loadCatalogue(root: String, cache: inout GradeCache) throws(KitError) -> Catalogue {
    let manifest = cache.fingerprint(of: ["Package.swift"], root: root, now: now())
    if cache.contents.manifest == manifest, let json = cache.contents.packageDescription,
      let catalogue = try? Catalogue(dumpPackageJSON: json, root: root)
    {
      return catalogue
    }
    let json = try Catalogue.packageDescription(root: root, runner: runner)
    let catalogue = try Catalogue(dumpPackageJSON: json, root: root)
    cache.contents.manifest = manifest
    cache.contents.packageDescription = json
    cache.save()
    return catalogue
  }

  /// The fingerprints of the files that decide each exercise's grade under these settings (see
  /// ``Catalogue/gradeInputs(of:usesSolutions:)``), taken before grading so that an edit made
  /// while the tests run is graded next time.
  func fingerprints(
    _ exercises: [Exercise],
    _ catalogue: Catalogue,
    _ settings: GradingSettings,
    cache: inout GradeCache
  ) -> [Exercise: String] {
    let prints = cache.fingerprints(
      of: exercises.map { catalogue.gradeInputs(of: $0, usesSolutions: settings.usesSolutions) },
      root: catalogue.root, salt: "\(settings.usesSolutions) \(settings.testTimeout)",
      now: now())
    return Dictionary(zip(exercises, prints)) { first, _ in first }
  }

  /// Grades exercises, reusing the cached grade of each exercise whose files have not changed
  /// (its board summary, or with `detailed` the whole grade with its failures), and remembers
  /// the new grades.
  func gradeReusing(
    _ exercises: [Exercise],
    _ catalogue: Catalogue,
    _ settings: GradingSettings,
    cache: inout GradeCache,
    fresh: Bool = false,
    detailed: Bool = false
  ) -> [Grade] {
    let prints = fingerprints(exercises, catalogue, settings, cache: &cache)
    var known: [Exercise: Grade] = [:]
    if !fresh {
      for exercise in exercises {
        known[exercise] = prints[exercise].flatMap {
          cache.grade(of: exercise, fingerprint: $0, detailed: detailed)
        }
      }
    }
    let stale = exercises.filter { known[$0] == nil }
    if !stale.isEmpty {
      let grades = grade(stale, catalogue, settings)
      if KitInterrupt.wasRequested { return [] }
      for grade in grades {
        known[grade.exercise] = grade
        if let print = prints[grade.exercise] { cache.store(grade, fingerprint: print) }
      }
    }
    if cache.hasChanges { cache.save() }
    return exercises.compactMap { known[$0] }
  }

  private func gradingSettings(_ invocation: KitInvocation) throws(KitError) -> GradingSettings {
    var settings = GradingSettings(sharedScratchPath: GradingSettings.sharedScratchPath)
    if let seconds = invocation.timeout {
      settings.testTimeout = seconds
    } else if let text = environment["KIT_TIMEOUT"], !text.isEmpty {
      guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
        throw .usage("KIT_TIMEOUT must be a positive number of seconds, not '\(text)'")
      }
      settings.testTimeout = seconds
    }
    return settings
  }

  private func grade(
    _ exercises: [Exercise],
    _ catalogue: Catalogue,
    _ settings: GradingSettings
  ) -> [Grade] {
    let grader = Grader(catalogue: catalogue, runner: runner, settings: settings)
    let showsProgress = console.errorIsTerminal
    let grades = grader.grade(exercises) { step in
      guard showsProgress else { return }
      switch step {
      case .building:
        console.writeError("\r\u{1B}[Kbuilding…")
      case .testing(let exercise):
        console.writeError("\r\u{1B}[Kgrading \(exercise.title)…")
      }
    }
    if showsProgress { console.writeError("\r\u{1B}[K") }
    return grades
  }

  private func status(
    _ catalogue: Catalogue,
    _ settings: GradingSettings,
    cache: inout GradeCache
  ) -> Int32 {
    let grades = gradeReusing(catalogue.exercises, catalogue, settings, cache: &cache)
    if KitInterrupt.wasRequested { return KitInterrupt.exitStatus }
    let board = StatusBoard(
      catalogue: catalogue, grades: grades, style: style, command: displayName)
    console.writeWrapped(board.render())
    let kitTrouble = grades.contains {
      switch $0.status {
      case .noTests, .couldNotRun, .buildFailed: return true
      default: return false
      }
    }
    return kitTrouble ? Self.failure : Self.success
  }

  private func check(
    _ exercise: Exercise,
    _ catalogue: Catalogue,
    _ settings: GradingSettings,
    cache: inout GradeCache
  ) throws(KitError) -> Int32 {
    guard catalogue.isAvailable(exercise) else { throw .exerciseUnavailable(exercise.title) }
    let grades = gradeReusing([exercise], catalogue, settings, cache: &cache, fresh: true)
    if KitInterrupt.wasRequested { return KitInterrupt.exitStatus }
    guard let result = grades.first else { return Self.failure }
    let report = CheckReport(
      catalogue: catalogue, grade: result, style: style, command: displayName)
    console.writeWrapped(report.render())
    return result.isPassed ? Self.success : Self.failure
  }

  private func hint(
    _ exercise: Exercise,
    level requested: Int?,
    _ catalogue: Catalogue
  ) throws(KitError) -> Int32 {
    let path = catalogue.absolute("\(exercise.exercisePath)/HINTS.md")
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .noHints(exercise: exercise.title)
    }
    let document = HintsDocument(markdown: String(decoding: data, as: UTF8.self))
    guard let last = document.levels.last else { throw .noHints(exercise: exercise.title) }
    let store = try KitStateStore.standard(environment: environment)
    var (state, warning) = store.load()
    if let warning { console.writeError("kit: \(warning)\n") }
    let seen = state.hintLevelsSeen[exercise.name] ?? 0
    let number = requested ?? min(seen + 1, last.number)
    guard let level = document.level(number) else {
      throw .hintLevelOutOfRange(exercise: exercise.title, level: number, available: last.number)
    }
    if level.number > seen {
      state.hintLevelsSeen[exercise.name] = level.number
      do {
        try store.save(state)
      } catch {
        console.writeError("kit: could not remember the hint level: \(error.description)\n")
      }
    }
    let alias = catalogue.alias(for: exercise)
    console.line(
      style.emphasis("Hint level \(level.number) of \(last.number) for \(exercise.title)")
        + (level.title.isEmpty ? "" : ": \(level.title)"))
    console.line()
    console.line(HintsDocument.terminalText(level.body, style: style))
    console.line()
    if let next = document.levels.first(where: { $0.number > level.number }) {
      console.line(
        "More: `\(displayName) hint \(alias)` shows level \(next.number) of \(last.number).")
    } else {
      console.line(
        "That is the last level. The reference: `\(displayName) solution \(alias)` "
          + "(it asks first until the exercise passes).")
    }
    return Self.success
  }

  private func solution(
    _ exercise: Exercise,
    diff: Bool,
    only: String?,
    assumesYes: Bool,
    _ catalogue: Catalogue,
    _ settings: GradingSettings
  ) throws(KitError) -> Int32 {
    let reveal = SolutionReveal(catalogue: catalogue, style: style)
    guard !reveal.files(of: exercise).isEmpty else {
      throw .exerciseUnavailable(exercise.solutionPath)
    }
    _ = try reveal.files(of: exercise, matching: only)
    let result =
      catalogue.isAvailable(exercise)
      ? grade([exercise], catalogue, settings).first
      : Grade(exercise: exercise, status: .unavailable)
    if let result, !result.isPassed {
      let board = StatusBoard(
        catalogue: catalogue, grades: [result], style: style, command: displayName)
      console.line("\(exercise.title) has not passed yet: \(board.phrase(for: result)).")
      console.line(
        "Reading the reference now gives the exercise away; "
          + "`\(displayName) hint \(catalogue.alias(for: exercise))` helps a step at a time.")
      guard assumesYes || console.confirm("Show the reference solution anyway?") else {
        console.line("Nothing shown.")
        return Self.success
      }
    }
    console.write(
      diff ? try reveal.renderDiff(exercise, only: only) : try reveal.render(exercise, only: only))
    return Self.success
  }

  private func reset(
    _ exercises: [Exercise],
    assumesYes: Bool,
    _ catalogue: Catalogue
  ) throws(KitError) -> Int32 {
    let helper = ExerciseReset(catalogue: catalogue, runner: runner)
    var plans: [ResetPlan] = []
    for exercise in exercises {
      plans.append(try helper.plan(for: exercise))
    }
    let changing = plans.filter { !$0.isEmpty }
    guard !changing.isEmpty else {
      let what = exercises.count == 1 ? exercises[0].title : "Every exercise"
      console.line("\(what) is already as it was: nothing to reset.")
      return Self.success
    }
    for plan in changing {
      console.line("\(plan.exercise.title), from \(plan.revision):")
      for change in plan.changes {
        let verb: String
        switch change.kind {
        case .modified: verb = "restore"
        case .missing: verb = "bring back"
        case .added: verb = "remove (your file)"
        }
        console.line("  \(verb.paddedRight(to: 19)) \(change.path)")
      }
    }
    let count = changing.map(\.changes.count).reduce(0, +)
    let question =
      "Reset \(count) file\(count == 1 ? "" : "s")? Your versions are kept in "
      + "\(ExerciseReset.backupFolder)/."
    guard assumesYes || console.confirm(question) else {
      console.line("Nothing changed.")
      return Self.success
    }
    let backup = try helper.apply(changing, date: now())
    console.line("Reset done. Your previous files are in \(backup)/.")
    if let first = changing.first?.changes.first(where: { $0.kind != .missing }) {
      console.line(
        "To bring one back, copy it over the stub, e.g. cp \(backup)/\(first.path) \(first.path)")
    }
    return Self.success
  }

  private func watch(
    _ catalogue: Catalogue,
    _ settings: GradingSettings,
    cache: GradeCache
  ) -> Int32 {
    // Each exercise folder and every subfolder holding one of its files; a folder made later is
    // still seen by the poll.
    let folders = catalogue.availableExercises.flatMap { exercise in
      [exercise.exercisePath]
        + catalogue.files(in: exercise.exercisePath).map {
          ($0 as NSString).deletingLastPathComponent
        }
    }
    let input = WatchInput(
      files: FileEvents(folders: Array(Set(folders)).sorted().map(catalogue.absolute)))
    defer { input.restore() }
    let box = CacheBox(cache)
    let session = WatchSession(
      catalogue: catalogue, style: style, command: displayName,
      nextEvent: input.next,
      snapshot: {
        let exercises = catalogue.availableExercises
        let prints = box.cache.fingerprints(
          of: exercises.map { [$0.exercisePath] }, root: catalogue.root, now: now())
        return Dictionary(zip(exercises.map(\.name), prints)) { first, _ in first }
      },
      grade: { exercises, fresh in
        if KitInterrupt.wasRequested { return [] }
        return gradeReusing(
          exercises, catalogue, settings, cache: &box.cache, fresh: fresh, detailed: true)
      },
      hint: { exercise in
        do throws(KitError) {
          _ = try hint(exercise, level: nil, catalogue)
        } catch {
          console.writeError("kit: \(error.description)\n")
        }
      },
      write: { console.writeWrapped($0) })
    session.run()
    return Self.success
  }

  private func verify(_ catalogue: Catalogue, _ settings: GradingSettings) -> Int32 {
    var stubSettings = settings
    stubSettings.sharedScratchPath = nil
    stubSettings.includesMaintainerSuites = true
    stubSettings.scratchPath = GradingSettings.defaultScratchPath
    var solutionSettings = settings
    solutionSettings.sharedScratchPath = nil
    solutionSettings.includesMaintainerSuites = true
    solutionSettings.scratchPath = GradingSettings.defaultSolutionsScratchPath
    let verifier = Verifier(
      catalogue: catalogue, runner: runner, stubSettings: stubSettings,
      solutionSettings: solutionSettings)
    if let changes = try? Git(root: catalogue.root, runner: runner).changes(in: "Exercises"),
      !changes.isEmpty
    {
      console.line(
        "note: Exercises/ differs from the last commit (\(changes.count) paths); "
          + "the stub check grades the files as they are.")
    }
    let report = verifier.verify { step in console.writeError("kit verify: \(step)\n") }
    console.line("kit verify: reference solutions against untouched stubs, test by test")
    for line in report.lines { console.line(line) }
    console.line(report.summary)
    return report.succeeded ? Self.success : Self.failure
  }
}
