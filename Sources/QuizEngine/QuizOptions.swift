import Foundation

/// What the command line asked for.
public struct QuizOptions: Hashable, Sendable {
  /// What to do.
  public enum Command: Hashable, Sendable {
    /// Ask questions (the default).
    case quiz
    /// Check the bank and report problems (`quiz lint`).
    case lint
    /// List the topics with their question counts (`--list-topics`).
    case listTopics
    /// Print the usage (`--help`).
    case help
    /// Print the version (`--version`).
    case version
  }

  /// What to do.
  public var command: Command = .quiz

  /// The topics to ask about (`--topic`, repeatable or comma-separated); empty means all.
  public var topics: [String] = []

  /// How many questions to ask (`--count`).
  public var count: Int = 10

  /// Ask only questions that were missed or are due (`--review`).
  public var review = false

  /// The seed for shuffling (`--seed`); a random one is drawn and printed when absent.
  public var seed: UInt64?

  /// The language (`--lang`); from the environment when absent.
  public var language: Language?

  /// Turn colour off even on a terminal (`--no-color`).
  public var noColor = false

  /// The progress file (`--state`); the XDG default when absent.
  public var statePath: String?

  /// Neither read nor write progress, except that `--review` reads it (`--no-save`).
  public var noSave = false

  /// The current time (`--now`), for deterministic scheduling.
  public var now: Date?

  /// A bank folder to use instead of the shipped one (`--bank`), for bank authors.
  public var bankPath: String?

  /// Print the inputs that answer this session correctly, one per line (`--answer-key`).
  public var answerKey = false

  /// Creates the defaults.
  public init() {}
}

/// A command line the quiz cannot run; it exits with status 64 (`EX_USAGE`).
public struct UsageError: Error, Hashable, Sendable {
  /// What was wrong, e.g. `--count needs a whole number of 1 or more, got "x"`.
  public var message: String

  /// The same in Chinese, shown under `--lang zh`.
  public var chineseMessage: String

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - message: What was wrong, in English.
  ///   - chinese: The same in Chinese; the English when absent.
  public init(_ message: String, chinese: String? = nil) {
    self.message = message
    self.chineseMessage = chinese ?? message
  }

  /// The message in a language.
  ///
  /// - Parameter language: The learner's language.
  /// - Returns: The English or the Chinese message.
  public func message(in language: Language) -> String {
    language == .english ? message : chineseMessage
  }
}

/// Parses the quiz's command line by hand (the kit has no package dependencies).
public enum OptionParser {
  /// The environment variable that sets the clock when `--now` is absent.
  public static let nowVariable = "PRUNING_KIT_NOW"

  /// Parses the arguments after the program name.
  ///
  /// Options take their value as the next argument or after `=` (`--count 5`, `--count=5`).
  ///
  /// - Parameters:
  ///   - arguments: The arguments, without the program name.
  ///   - environment: The process environment, for `PRUNING_KIT_NOW`.
  /// - Returns: The options.
  /// - Throws: `UsageError` for an unknown option, a missing or malformed value, or a stray
  ///   argument.
  public static func parse(
    _ arguments: [String], environment: [String: String] = [:]
  ) throws(UsageError) -> QuizOptions {
    var options = QuizOptions()
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      var name = argument
      var attached: String?
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        attached = String(argument[argument.index(after: equals)...])
      }
      func value() throws(UsageError) -> String {
        if let attached { return attached }
        guard let next = remaining.popFirst() else {
          throw UsageError("\(name) needs a value", chinese: "\(name) 需要一个值")
        }
        return next
      }
      func noValue() throws(UsageError) {
        if attached != nil { throw UsageError("\(name) takes no value", chinese: "\(name) 不带值") }
      }
      switch name {
      case "lint" where options.command == .quiz:
        options.command = .lint
      case "--help", "-h":
        try noValue()
        options.command = .help
      case "--version":
        try noValue()
        options.command = .version
      case "--list-topics":
        try noValue()
        options.command = .listTopics
      case "--topic", "-t":
        // Topic ids are lowercase (lint checks it), so any case the learner types matches.
        let topics = try value().split(separator: ",").map {
          $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard !topics.isEmpty, !topics.contains(where: \.isEmpty) else {
          throw UsageError(
            "--topic needs a topic id (see --list-topics)",
            chinese: "--topic 需要一个主题 id（见 --list-topics）")
        }
        options.topics += topics
      case "--count", "-n":
        let text = try value()
        guard let count = Int(text), count >= 1 else {
          throw UsageError(
            "--count needs a whole number of 1 or more, got \"\(text)\"",
            chinese: "--count 需要一个不小于 1 的整数，收到的是 \"\(text)\"")
        }
        options.count = count
      case "--review":
        try noValue()
        options.review = true
      case "--seed":
        let text = try value()
        guard let seed = UInt64(text) else {
          throw UsageError(
            "--seed needs a whole number from 0 to \(UInt64.max), got \"\(text)\"",
            chinese: "--seed 需要一个 0 到 \(UInt64.max) 之间的整数，收到的是 \"\(text)\"")
        }
        options.seed = seed
      case "--lang":
        let text = try value()
        let lowered = text.lowercased()
        guard
          ["en", "zh"].contains(lowered) || lowered.hasPrefix("en_")
            || lowered.hasPrefix("en-") || Language.fromLocale(lowered) == .chinese
        else {
          throw UsageError(
            "--lang must be en or zh, got \"\(text)\"",
            chinese: "--lang 只能是 en 或 zh，收到的是 \"\(text)\"")
        }
        options.language = Language.fromLocale(lowered)
      case "--no-color", "--no-colour":
        try noValue()
        options.noColor = true
      case "--state":
        let path = try value()
        guard !path.isEmpty else {
          throw UsageError("--state needs a file path", chinese: "--state 需要一个文件路径")
        }
        options.statePath = path
      case "--no-save":
        try noValue()
        options.noSave = true
      case "--now":
        options.now = try parseDate(try value(), source: "--now")
      case "--bank":
        options.bankPath = try value()
      case "--answer-key":
        try noValue()
        options.answerKey = true
      default:
        if argument.hasPrefix("-") {
          throw UsageError("unknown option \(name)", chinese: "未知选项 \(name)")
        }
        throw UsageError(
          "unexpected argument \"\(argument)\"", chinese: "多余的参数 \"\(argument)\"")
      }
    }
    if options.now == nil, let text = environment[nowVariable], !text.isEmpty {
      options.now = try parseDate(text, source: nowVariable)
    }
    return options
  }

  /// The language a command line asks for with `--lang`, found without parsing the rest, so
  /// an error elsewhere on the line can be reported in that language.
  ///
  /// - Parameter arguments: The arguments, without the program name.
  /// - Returns: The language of the last valid `--lang`, or `nil` when there is none.
  public static func requestedLanguage(in arguments: [String]) -> Language? {
    var language: Language?
    for (index, argument) in arguments.enumerated() {
      let value: String?
      if argument.hasPrefix("--lang=") {
        value = String(argument.dropFirst("--lang=".count))
      } else if argument == "--lang", index + 1 < arguments.count {
        value = arguments[index + 1]
      } else {
        value = nil
      }
      guard let lowered = value?.lowercased() else { continue }
      if lowered == "zh" || Language.fromLocale(lowered) == .chinese {
        language = .chinese
      } else if lowered == "en" || lowered.hasPrefix("en_") || lowered.hasPrefix("en-") {
        language = .english
      }
    }
    return language
  }

  /// Parses an ISO 8601 time (`2026-01-31T09:00:00Z`, or a date alone, taken as midnight UTC).
  ///
  /// - Parameters:
  ///   - text: The time as typed.
  ///   - source: Where it came from, for the error message.
  /// - Returns: The time.
  /// - Throws: `UsageError` when the text is not an ISO 8601 time or date.
  public static func parseDate(_ text: String, source: String) throws(UsageError) -> Date {
    let formatter = ISO8601DateFormatter()
    for options: ISO8601DateFormatter.Options in [
      [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds], [.withFullDate],
    ] {
      formatter.formatOptions = options
      if let date = formatter.date(from: text) { return date }
    }
    throw UsageError(
      "\(source) needs an ISO 8601 time such as 2026-01-31T09:00:00Z, got \"\(text)\"",
      chinese: "\(source) 需要 ISO 8601 格式的时间，如 2026-01-31T09:00:00Z，收到的是 \"\(text)\"")
  }
}
