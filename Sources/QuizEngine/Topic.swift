/// A topic of the bank: questions are filtered (`--topic`) and summarised by topic.
public struct Topic: Codable, Hashable, Sendable {
  /// The identifier used with `--topic`, e.g. `granularity`.
  public var id: String

  /// The topic's name as shown to the learner.
  public var name: LocalizedText

  /// Creates a topic.
  ///
  /// - Parameters:
  ///   - id: The identifier used with `--topic`.
  ///   - name: The name shown to the learner.
  public init(id: String, name: LocalizedText) {
    self.id = id
    self.name = name
  }
}
