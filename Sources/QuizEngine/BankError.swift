/// Why the question bank could not be loaded.
public enum BankError: Error, Equatable, Sendable {
  /// A file or folder of the bank is missing or cannot be read.
  case missingFile(String)

  /// A file is not valid JSON, or a question lacks a field it needs.
  case malformed(file: String, reason: String)
}

extension BankError: CustomStringConvertible {
  /// The problem in one line, naming the file.
  public var description: String {
    switch self {
    case .missingFile(let name):
      "the question bank has no readable \(name)"
    case .malformed(let file, let reason):
      "\(file): \(reason)"
    }
  }
}
