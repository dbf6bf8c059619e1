import Foundation

/// The question bank: the topics in their display order and every question.
///
/// On disk a bank is a folder: `topics.json` lists the topics, and `questions/*.json` holds
/// one file per topic, `{"topic": "...", "questions": [...]}`. The shipped bank is the
/// package resource `Sources/QuizEngine/Resources`.
public struct Bank: Hashable, Sendable {
  /// The topics, in the order sessions and summaries show them.
  public var topics: [Topic]

  /// Every question, topic by topic in file order.
  public var questions: [Question]

  /// Creates a bank.
  ///
  /// - Parameters:
  ///   - topics: The topics in display order.
  ///   - questions: The questions.
  public init(topics: [Topic], questions: [Question]) {
    self.topics = topics
    self.questions = questions
  }

  /// The bank that ships with the package.
  ///
  /// - Returns: The decoded bank (not yet linted).
  /// - Throws: `BankError` when the resource folder is missing or a file does not decode.
  public static func shipped() throws(BankError) -> Bank {
    guard let folder = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
      throw .missingFile("Resources")
    }
    return try load(from: folder)
  }

  /// Loads a bank from a folder laid out like the shipped one.
  ///
  /// - Parameter folder: The folder holding `topics.json` and `questions/`.
  /// - Returns: The decoded bank (not yet linted).
  /// - Throws: `BankError` for a missing, unreadable or malformed file.
  public static func load(from folder: URL) throws(BankError) -> Bank {
    let topicsURL = folder.appendingPathComponent("topics.json")
    let topics = try decode(TopicsFile.self, from: topicsURL).topics
    let questionFolder = folder.appendingPathComponent("questions")
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: questionFolder.path)
        .filter { $0.hasSuffix(".json") }.sorted()
    } catch {
      throw .missingFile("questions/")
    }
    var questions: [Question] = []
    for name in names {
      let file = try decode(QuestionFile.self, from: questionFolder.appendingPathComponent(name))
      questions += file.questions.map {
        var question = $0
        question.topic = file.topic
        return question
      }
    }
    return Bank(topics: topics, questions: questions)
  }

  /// Writes the bank to a folder in the layout `load(from:)` reads, one file per topic.
  ///
  /// - Parameter folder: The folder to write; created if needed.
  /// - Throws: Any error from encoding or the file system.
  public func write(to folder: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
    let questionFolder = folder.appendingPathComponent("questions")
    try FileManager.default.createDirectory(at: questionFolder, withIntermediateDirectories: true)
    try encoder.encode(TopicsFile(topics: topics))
      .write(to: folder.appendingPathComponent("topics.json"))
    let topicIDs = topics.map(\.id) + Set(questions.map(\.topic)).subtracting(topics.map(\.id))
    for (index, id) in topicIDs.enumerated() {
      let file = QuestionFile(topic: id, questions: questions.filter { $0.topic == id })
      let name = String(format: "%02d-%@.json", index + 1, id)
      try encoder.encode(file).write(to: questionFolder.appendingPathComponent(name))
    }
  }

  /// The topic with an identifier.
  ///
  /// - Parameter id: The topic's identifier.
  /// - Returns: The topic, or `nil` if the bank has none with that identifier.
  public func topic(_ id: String) -> Topic? {
    topics.first { $0.id == id }
  }

  /// The question with an identifier.
  ///
  /// - Parameter id: The question's identifier.
  /// - Returns: The question, or `nil`.
  public func question(_ id: String) -> Question? {
    questions.first { $0.id == id }
  }

  private static func decode<Value: Decodable>(
    _ type: Value.Type, from url: URL
  ) throws(BankError) -> Value {
    let name = url.pathComponents.suffix(2).joined(separator: "/")
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .missingFile(name)
    }
    do {
      return try JSONDecoder().decode(type, from: data)
    } catch let error as DecodingError {
      throw .malformed(file: name, reason: error.summary)
    } catch {
      throw .malformed(file: name, reason: "\(error)")
    }
  }
}

/// The layout of `topics.json`.
struct TopicsFile: Codable {
  var topics: [Topic]
}

/// The layout of one `questions/*.json` file.
struct QuestionFile: Codable {
  var topic: String
  var questions: [Question]
}

extension DecodingError {
  /// Where decoding failed and why, in one line: `questions[3].prompt.zh: key not found`.
  var summary: String {
    func path(_ keys: [any CodingKey]) -> String {
      keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        .trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
    switch self {
    case .keyNotFound(let key, let context):
      let at = path(context.codingPath)
      return (at.isEmpty ? "" : at + ": ") + "missing field \"\(key.stringValue)\""
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .dataCorrupted(let context):
      let at = path(context.codingPath)
      return (at.isEmpty ? "" : at + ": ") + context.debugDescription
    @unknown default:
      return "\(self)"
    }
  }
}
