import Foundation
import KitSupport

/// The exit statuses of the `quiz` command.
public enum ExitStatus {
  /// Every question right; or a command (help, lint of a clean bank) that succeeded.
  public static let success: Int32 = 0
  /// Some question wrong, skipped or not reached; lint found problems; the bank did not load.
  public static let failure: Int32 = 1
  /// Bad command line (`EX_USAGE`).
  public static let usage: Int32 = 64
  /// Interrupted by Ctrl-C (128 + SIGINT).
  public static let interrupted: Int32 = 130
}

/// The whole `quiz` command, from arguments to exit status; the executable only wires it to
/// the process (standard streams, environment, Ctrl-C).
public enum QuizProgram {
  /// The version printed by `--version`.
  public static let version = "1.0.0"

  /// Runs the quiz.
  ///
  /// - Parameters:
  ///   - arguments: The command-line arguments, without the program name.
  ///   - environment: The process environment.
  ///   - console: Where to read and write.
  ///   - bank: A bank to use instead of loading one (for tests); `--bank` still wins.
  ///   - willAsk: Called once before the first question, with the message to print if the
  ///     session is interrupted (it depends on the language and on whether progress is saved).
  /// - Returns: The exit status (see `ExitStatus`).
  public static func run(
    arguments: [String], environment: [String: String], console: any Console,
    bank: Bank? = nil, willAsk: (String) -> Void = { _ in }
  ) -> Int32 {
    var strings = Strings(Language.fromEnvironment(environment))
    let options: QuizOptions
    do {
      options = try OptionParser.parse(arguments, environment: environment)
    } catch {
      if let requested = OptionParser.requestedLanguage(in: arguments) {
        strings = Strings(requested)
      }
      console.writeError(strings.usageError(error.message(in: strings.language)))
      return ExitStatus.usage
    }
    let language = options.language ?? strings.language
    strings = Strings(language)
    let style = TextStyle.detect(
      isTerminal: console.outputIsTerminal, environment: environment,
      noColorFlag: options.noColor)
    if options.command == .help {
      console.writeWrapped(strings.help)
      return ExitStatus.success
    }
    let loaded: Bank
    do {
      if let path = options.bankPath {
        loaded = try Bank.load(from: URL(fileURLWithPath: path))
      } else if let bank {
        loaded = bank
      } else {
        loaded = try Bank.shipped()
      }
    } catch {
      console.writeError(strings.bankError(error))
      return ExitStatus.failure
    }
    let bank = loaded
    switch options.command {
    case .help:
      return ExitStatus.success
    case .version:
      console.write(strings.version(version, questions: bank.questions.count))
      return ExitStatus.success
    case .lint:
      let problems = BankLinter().problems(in: bank)
      guard problems.isEmpty else {
        console.writeError(
          strings.lintProblems(problems.count)
            + problems.map { "  \($0)\n" }.joined())
        return ExitStatus.failure
      }
      console.write(strings.lintClean(questions: bank.questions.count, topics: bank.topics.count))
      for language in Language.allCases {
        console.write(
          strings.longestShare(LongestOptionShare(bank.questions, language: language), language))
      }
      return ExitStatus.success
    case .listTopics:
      console.write(listTopics(bank, strings: strings))
      return ExitStatus.success
    case .quiz:
      break
    }
    for topic in options.topics where bank.topic(topic) == nil {
      console.writeError(
        strings.usageError(strings.unknownTopic(topic, known: bank.topics.map(\.id))))
      return ExitStatus.usage
    }
    return runSession(
      options: options, bank: bank, environment: environment, console: console,
      strings: strings, style: style, willAsk: willAsk)
  }

  private static func runSession(
    options: QuizOptions, bank: Bank, environment: [String: String], console: any Console,
    strings: Strings, style: TextStyle, willAsk: (String) -> Void
  ) -> Int32 {
    let now = options.now ?? Date()
    let seed = options.seed ?? UInt64.random(in: 1...999_999)
    let store: ProgressStore
    let url =
      options.statePath.map { URL(fileURLWithPath: $0) }
      ?? ProgressStore.defaultURL(environment: environment)
    // Progress decides the order (due first), so it is read unless --no-save says to practise
    // afresh; --answer-key reads it the same way, so its key fits the session it is run for.
    let readsProgress = !(options.noSave && !options.review)
    if !readsProgress {
      store = .inMemory()
    } else if options.noSave || options.answerKey {
      store = .readOnly(at: url)
    } else {
      store = ProgressStore.open(at: url, now: now)
      for warning in store.warnings {
        console.writeError(strings.warning(warning) + "\n")
      }
    }
    let planned = SessionPlanner.plan(
      bank: bank, topics: options.topics, count: options.count, review: options.review,
      seed: seed, progress: readsProgress ? store.file.questions : nil, now: now)
    if options.answerKey {
      console.write(planned.flatMap(SessionPlanner.answerKey).map { $0 + "\n" }.joined())
      return ExitStatus.success
    }
    guard !planned.isEmpty else {
      console.write(strings.nothingDue + "\n")
      return ExitStatus.success
    }
    let width = console.outputIsTerminal ? min(max(console.columns ?? 80, 20), 100) : nil
    func lines(_ text: String) -> [String] {
      width.map { TextLayout.wrap(text, width: $0) } ?? [text]
    }
    let header = strings.header(count: planned.count, seed: seed, review: options.review)
    console.write(lines(header).map(style.emphasis).joined(separator: "\n") + "\n")
    console.write(lines(strings.instructions).joined(separator: "\n") + "\n")
    willAsk(strings.interrupted(saving: store.isSaving))
    let session = QuizSession(
      bank: bank, planned: planned, store: store, now: now, console: console,
      language: strings.language, style: style, width: width)
    let result = session.run()
    var summary = SessionSummary.render(
      result, bank: bank, language: strings.language, style: style)
    if options.noSave {
      summary += strings.notSavedFlag + "\n"
    } else if store.isSaving, let url = store.url {
      summary += strings.saved(url.path) + "\n"
    } else {
      summary += strings.notSavedWarning + "\n"
    }
    let missedSome = result.outcomes.contains { $0 != .correct }
    if missedSome && !options.noSave && store.isSaving {
      summary += strings.reviewHint + "\n"
    }
    console.write(summary)
    return result.isPerfect ? ExitStatus.success : ExitStatus.failure
  }

  private static func listTopics(_ bank: Bank, strings: Strings) -> String {
    let idWidth = bank.topics.map(\.id.count).max() ?? 0
    let names = bank.topics.map { $0.name[strings.language] }
    let nameWidth = names.map(DisplayWidth.of).max() ?? 0
    var lines = [strings.topicsHeading]
    for (topic, name) in zip(bank.topics, names) {
      let count = bank.questions.filter { $0.topic == topic.id }.count
      lines.append(
        "  " + topic.id + String(repeating: " ", count: idWidth - topic.id.count) + "  " + name
          + String(repeating: " ", count: nameWidth - DisplayWidth.of(name)) + "  "
          + strings.questionCount(count))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
