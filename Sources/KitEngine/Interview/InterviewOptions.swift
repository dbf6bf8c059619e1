import QuizEngine

/// The settings of one `kit interview`: its length, language, seed and topics.
public struct InterviewOptions: Hashable, Sendable {
  /// The whole interview's length in minutes (`--minutes`, 45 by default).
  public var minutes: Int

  /// The language of questions and report (`--lang`), or `nil` to take it from the environment.
  public var language: Language?

  /// The seed for every shuffle (`--seed`), or `nil` for one drawn from the clock.
  public var seed: UInt64?

  /// The quiz topic ids the concept round draws from (`--topic`, comma-separated); empty
  /// means every topic.
  public var topics: [String]

  /// Creates options.
  ///
  /// - Parameters:
  ///   - minutes: The interview's length in minutes.
  ///   - language: The language, or `nil` for the environment's.
  ///   - seed: The seed, or `nil` for one from the clock.
  ///   - topics: The concept round's topic ids; empty for all.
  public init(
    minutes: Int = 45, language: Language? = nil, seed: UInt64? = nil, topics: [String] = []
  ) {
    self.minutes = minutes
    self.language = language
    self.seed = seed
    self.topics = topics
  }

  /// Takes the interview's own options out of a command line, leaving the rest.
  ///
  /// - Parameter arguments: The arguments after the program name.
  /// - Returns: The options, and the arguments left for the general parser.
  /// - Throws: `KitError.usage` for a missing or malformed value.
  static func extract(from arguments: [String]) throws(KitError) -> (InterviewOptions, [String]) {
    var options = InterviewOptions()
    var rest: [String] = []
    var cursor = ArgumentCursor(arguments)
    while let argument = cursor.next() {
      switch argument {
      case "--minutes":
        let text = try cursor.value(for: argument)
        guard let minutes = Int(text), (3...240).contains(minutes) else {
          throw .usage("--minutes needs a whole number from 3 to 240, not '\(text)'")
        }
        options.minutes = minutes
      case "--lang":
        let text = try cursor.value(for: argument)
        guard let language = Language(rawValue: text.lowercased()) else {
          throw .usage("--lang is en or zh, not '\(text)'")
        }
        options.language = language
      case "--seed":
        let text = try cursor.value(for: argument)
        guard let seed = UInt64(text) else {
          throw .usage("--seed needs a whole number of 0 or more, not '\(text)'")
        }
        options.seed = seed
      case "--topic":
        let topics = try cursor.value(for: argument).split(separator: ",").map {
          $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard !topics.isEmpty, !topics.contains(where: \.isEmpty) else {
          throw .usage("--topic needs topic ids (`swift run quiz --list-topics` lists them)")
        }
        options.topics += topics
      default:
        rest.append(argument)
      }
    }
    return (options, rest)
  }
}
