/// A coding key for any JSON field name, so decoding can notice fields it does not know.
struct AnyCodingKey: CodingKey, Hashable {
  var stringValue: String
  var intValue: Int? { nil }

  init(_ name: String) { stringValue = name }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension Question: Codable {
  private static let fields: Set<String> = [
    "id", "type", "covers", "prompt", "explanation", "source", "options", "items",
    "modelAnswer", "answer", "tolerance", "percent",
  ]
  private static let optionFields: Set<String> = ["text", "correct", "whyNot"]

  /// Decodes a question from its JSON object; the topic comes from the file it is in.
  ///
  /// - Parameter decoder: The decoder positioned at the question's object.
  /// - Throws: `DecodingError` for a missing or mistyped field, or an unknown `type`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: AnyCodingKey.self)
    func key(_ name: String) -> AnyCodingKey { AnyCodingKey(name) }
    var unknown = container.allKeys.map(\.stringValue).filter { !Self.fields.contains($0) }
    let type = try container.decode(String.self, forKey: key("type"))
    let kind: Kind
    switch type {
    case "single", "multiple":
      var list = try container.nestedUnkeyedContainer(forKey: key("options"))
      var options: [Option] = []
      while !list.isAtEnd {
        let option = try list.nestedContainer(keyedBy: AnyCodingKey.self)
        unknown += option.allKeys.map(\.stringValue).filter { !Self.optionFields.contains($0) }
          .map { "options[\(options.count)].\($0)" }
        options.append(
          Option(
            text: try option.decode(LocalizedText.self, forKey: key("text")),
            isCorrect: try option.decodeIfPresent(Bool.self, forKey: key("correct")) ?? false,
            whyNot: try option.decodeIfPresent(LocalizedText.self, forKey: key("whyNot"))))
      }
      kind = type == "single" ? .singleChoice(options) : .multipleAnswer(options)
    case "order":
      kind = .ordering(try container.decode([LocalizedText].self, forKey: key("items")))
    case "numeric":
      kind = .numeric(
        NumericAnswer(
          value: try container.decode(Double.self, forKey: key("answer")),
          tolerance: try container.decodeIfPresent(Double.self, forKey: key("tolerance")) ?? 0,
          isPercent: try container.decodeIfPresent(Bool.self, forKey: key("percent")) ?? false))
    case "recall":
      kind = .recall(
        modelAnswer: try container.decode(LocalizedText.self, forKey: key("modelAnswer")))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: key("type"), in: container,
        debugDescription: "unknown type \"\(type)\" (expected single, multiple, order, numeric "
          + "or recall)")
    }
    self.init(
      id: try container.decode(String.self, forKey: key("id")),
      topic: "",
      kind: kind,
      prompt: try container.decode(LocalizedText.self, forKey: key("prompt")),
      explanation: try container.decode(LocalizedText.self, forKey: key("explanation")),
      source: try container.decodeIfPresent(String.self, forKey: key("source")) ?? "",
      covers: try container.decodeIfPresent([String].self, forKey: key("covers")) ?? [],
      unknownFields: unknown)
  }

  /// Encodes the question in the bank's JSON form (without its topic, which is the file's).
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: AnyCodingKey.self)
    func key(_ name: String) -> AnyCodingKey { AnyCodingKey(name) }
    try container.encode(id, forKey: key("id"))
    try container.encode(kind.typeName, forKey: key("type"))
    if !covers.isEmpty { try container.encode(covers, forKey: key("covers")) }
    try container.encode(prompt, forKey: key("prompt"))
    switch kind {
    case .singleChoice(let options), .multipleAnswer(let options):
      var list = container.nestedUnkeyedContainer(forKey: key("options"))
      for option in options {
        var object = list.nestedContainer(keyedBy: AnyCodingKey.self)
        try object.encode(option.text, forKey: key("text"))
        if option.isCorrect { try object.encode(true, forKey: key("correct")) }
        try object.encodeIfPresent(option.whyNot, forKey: key("whyNot"))
      }
    case .ordering(let items):
      try container.encode(items, forKey: key("items"))
    case .numeric(let answer):
      try container.encode(answer.value, forKey: key("answer"))
      try container.encode(answer.tolerance, forKey: key("tolerance"))
      if answer.isPercent { try container.encode(true, forKey: key("percent")) }
    case .recall(let modelAnswer):
      try container.encode(modelAnswer, forKey: key("modelAnswer"))
    }
    try container.encode(explanation, forKey: key("explanation"))
    try container.encode(source, forKey: key("source"))
  }
}
