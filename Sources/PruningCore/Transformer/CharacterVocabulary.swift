/// The characters a character-level language model reads, each with a token id.
///
/// Ids follow the characters' Unicode scalar values, ascending, so the vocabulary of a text
/// does not depend on where its characters first appear.
///
/// ```swift
/// let vocabulary = try CharacterVocabulary(characters: Array("\n abc"))
/// try vocabulary.encode("cab")        // [4, 2, 3]
/// vocabulary.decode([2, 1, 4])        // "a c"
/// ```
public struct CharacterVocabulary: Hashable, Sendable {
  /// The characters, in id order.
  public let characters: [Character]

  private let ids: [Unicode.Scalar: Int]

  /// Creates a vocabulary of the given characters, sorted by Unicode scalar value.
  ///
  /// - Parameter characters: Single-scalar characters, each once.
  /// - Throws: `PruningError.emptyInput` for no characters; `PruningError.invalidArgument` for
  ///   a character of more than one Unicode scalar; `PruningError.duplicateIndex` (the id the
  ///   character would take) for a repeated character.
  public init(characters: [Character]) throws(PruningError) {
    guard !characters.isEmpty else { throw .emptyInput("vocabulary") }
    var scalars: [Unicode.Scalar] = []
    for character in characters {
      guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first
      else {
        throw .invalidArgument(
          "vocabulary character \(character.debugDescription) is not a single Unicode scalar")
      }
      scalars.append(scalar)
    }
    scalars.sort { $0.value < $1.value }
    var ids: [Unicode.Scalar: Int] = [:]
    for (id, scalar) in scalars.enumerated() {
      guard ids[scalar] == nil else { throw .duplicateIndex(id) }
      ids[scalar] = id
    }
    self.characters = scalars.map { Character($0) }
    self.ids = ids
  }

  /// Creates the vocabulary of every Unicode scalar that occurs in a text.
  ///
  /// - Parameter text: The text.
  /// - Throws: `PruningError.emptyInput` for an empty text.
  public init(of text: String) throws(PruningError) {
    var seen = Set<Unicode.Scalar>()
    for scalar in text.unicodeScalars { seen.insert(scalar) }
    try self.init(characters: seen.map { Character($0) })
  }

  /// The number of characters, which is the model's vocabulary size.
  public var count: Int { characters.count }

  /// The token ids of a text, one per Unicode scalar.
  ///
  /// - Parameter text: The text.
  /// - Returns: The ids, in order.
  /// - Throws: `PruningError.unknownCharacter` with the first character outside the
  ///   vocabulary and its offset in Unicode scalars.
  /// - Complexity: O(*n*).
  public func encode(_ text: String) throws(PruningError) -> [Int] {
    var tokens: [Int] = []
    tokens.reserveCapacity(text.utf8.count)
    for (offset, scalar) in text.unicodeScalars.enumerated() {
      guard let id = ids[scalar] else {
        throw .unknownCharacter(Character(scalar), offset: offset)
      }
      tokens.append(id)
    }
    return tokens
  }

  /// The text of token ids; an id outside `0..<count` becomes U+FFFD (�).
  ///
  /// - Parameter tokens: The ids.
  /// - Returns: The text.
  public func decode(_ tokens: [Int]) -> String {
    var text = ""
    for token in tokens {
      text.append(characters.indices.contains(token) ? characters[token] : "\u{FFFD}")
    }
    return text
  }
}
