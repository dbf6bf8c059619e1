import Foundation
import KitSupport
import QuizEngine

extension InterviewTask {
  /// Picks the coding task's exercise with the seed: the same seed and candidates always give
  /// the same exercise, and different seeds spread over all of them.
  ///
  /// - Parameters:
  ///   - candidates: The eligible exercises, in curriculum order.
  ///   - seed: The interview's seed.
  /// - Returns: One of the candidates, or `nil` when there is none.
  public static func pick(from candidates: [Exercise], seed: UInt64) -> Exercise? {
    guard !candidates.isEmpty else { return nil }
    var generator = SplitMix64(seed: seed)
    return candidates[generator.nextInt(below: candidates.count)]
  }
}

extension KitApp {
  /// `kit interview`: chooses the coding task, then runs the timed interview.
  func interview(
    _ options: InterviewOptions, _ catalogue: Catalogue, _ settings: GradingSettings,
    cache: inout GradeCache
  ) throws(KitError) -> Int32 {
    let bank: Bank
    do { bank = try Bank.shipped() } catch {
      throw .usage("the quiz bank cannot be read: \(error)")
    }
    let unknown = options.topics.filter { bank.topic($0) == nil }
    guard unknown.isEmpty else {
      throw .usage(
        "unknown topic '\(unknown[0])'; `swift run quiz --list-topics` lists the topics")
    }
    let language = options.language ?? Language.fromEnvironment(environment)
    let seed = options.seed ?? UInt64(max(0, now().timeIntervalSince1970.rounded()))
    // An exercise still as the pristine stubs has not passed (`kit verify` makes sure every
    // untouched stub fails), so only when none is left are the others graded to find one.
    var open = catalogue.availableExercises.filter { isUntouched($0, catalogue) }
    if open.isEmpty {
      console.line(
        language == .chinese ? "正在查看哪些练习已经通过…" : "Looking up which exercises pass…")
      let grades = gradeReusing(catalogue.availableExercises, catalogue, settings, cache: &cache)
      if KitInterrupt.wasRequested { return KitInterrupt.exitStatus }
      open = grades.filter { !$0.isPassed }.map(\.exercise)
    }
    var task: InterviewTask?
    var noTask: String?
    var grader = Grader(catalogue: catalogue, runner: runner, settings: settings)
    // The seed picks among the exercises not passed yet (in curriculum order, so a seed always
    // picks the same one), else among all of them for a scratch copy.
    if let exercise = InterviewTask.pick(from: open, seed: seed) {
      task = makeTask(exercise, catalogue, seed: seed)
    } else if let exercise = InterviewTask.pick(from: catalogue.availableExercises, seed: seed) {
      // Every exercise passes: a fresh variant, a scratch copy of one exercise's stubs.
      let scratch = ScratchCopy(
        catalogue: catalogue, exercise: exercise,
        folder: try ScratchCopy.standardFolder(environment: environment))
      try scratch.create()
      grader = Grader(catalogue: scratch.scratchCatalogue, runner: runner, settings: settings)
      var scratchTask = makeTask(exercise, catalogue, seed: seed)
      scratchTask.isScratch = true
      scratchTask.folder =
        scratch.root + "/" + (scratchTask.part?.file ?? exercise.exercisePath)
      task = scratchTask
    } else {
      noTask = language == .chinese ? "没有可做的练习" : "no exercise is available"
    }
    if let task {
      // The first build of the exercises can take minutes; it happens before the clock starts,
      // so each check during the coding round only recompiles what was edited.
      console.line(
        language == .chinese
          ? "先编译一次练习（计时尚未开始）…" : "Building the exercises once, before the clock starts…")
      _ = grader.grade([task.exercise])
      if KitInterrupt.wasRequested { return KitInterrupt.exitStatus }
    }
    let store = ProgressStore.open(
      at: ProgressStore.defaultURL(environment: environment), now: now())
    let file = InterviewReportFile(
      folder: try InterviewReportFile.standardFolder(environment: environment), started: now())
    let clock = now
    let gradedCatalogue = grader.catalogue
    let part = task?.part
    let style = style
    let command = displayName
    let session = InterviewSession(
      console: console, bank: bank, store: store, options: options, language: language,
      seed: seed, style: style, task: task, noTaskReason: noTask, kitCommand: displayName,
      now: { clock() },
      grade: { [grader] exercise in
        let grade =
          grader.grade([exercise]).first
          ?? Grade(exercise: exercise, status: .couldNotRun("no grade"))
        return part.map { $0.narrow(grade) } ?? grade
      },
      renderGrade: {
        CheckReport(catalogue: gradedCatalogue, grade: $0, style: style, command: command).render()
      },
      save: { file.save($0.markdown) })
    // A Ctrl-C at a prompt is recorded rather than ending the process at once, so the console
    // returns from its wait and the session saves the report naming the round.
    KitInterrupt.childStarts()
    let report = session.run()
    KitInterrupt.childEnded()
    if let path = file.path {
      console.line(language == .chinese ? "报告已保存：\(path)" : "Report saved: \(path)")
    } else if let problem = file.problem {
      console.writeError("kit: the report could not be saved: \(problem)\n")
    }
    if KitInterrupt.wasRequested { return KitInterrupt.exitStatus }
    return report.record.stage == .finished ? Self.success : Self.failure
  }

  /// Whether an exercise's files are exactly the pristine stubs the kit carries; `false` when
  /// the kit carries none.
  func isUntouched(_ exercise: Exercise, _ catalogue: Catalogue) -> Bool {
    guard let carried = try? PristineCopy.load(from: catalogue)?.files(of: exercise),
      !carried.isEmpty,
      Set(carried.keys) == Set(catalogue.files(in: exercise.exercisePath))
    else { return false }
    return carried.allSatisfy { path, text in
      FileManager.default.contents(atPath: catalogue.absolute(path)) == Data(text.utf8)
    }
  }

  /// The task for an exercise: one of its files picked with the seed, shown by its doc
  /// comments (or, when no file has a test file of its own, the whole exercise, shown by its
  /// README up to the second heading), with the exercise's hints.
  func makeTask(_ exercise: Exercise, _ catalogue: Catalogue, seed: UInt64) -> InterviewTask {
    let readme =
      FileManager.default.contents(atPath: catalogue.absolute("\(exercise.exercisePath)/README.md"))
      .map { String(decoding: $0, as: UTF8.self) } ?? ""
    var lines: [Substring] = []
    for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("## ") { break }
      lines.append(line)
    }
    let parts = TaskPart.parts(of: exercise, in: catalogue)
    var generator = SplitMix64(seed: seed &+ 1)
    let part = parts.isEmpty ? nil : parts[generator.nextInt(below: parts.count)]
    var brief =
      lines.prefix(40).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
      + "\n\n(\(exercise.exercisePath)/README.md)"
    if let part {
      // One file is the task: its documentation says what to write; the README is a pointer.
      brief =
        "Your task: fill in \(part.file), graded by \(exercise.testsPath)/\(part.testFile)"
        + " (the exercise: \(exercise.exercisePath)/README.md).\n\n" + part.brief
    }
    let hints =
      FileManager.default.contents(atPath: catalogue.absolute("\(exercise.exercisePath)/HINTS.md"))
      .map { HintsDocument(markdown: String(decoding: $0, as: UTF8.self)).levels } ?? []
    return InterviewTask(
      exercise: exercise, isScratch: false, brief: brief,
      folder: part?.file ?? exercise.exercisePath, hints: hints,
      alias: catalogue.alias(for: exercise), part: part)
  }
}
