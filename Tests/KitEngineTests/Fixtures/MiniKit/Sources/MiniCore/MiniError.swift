/// The errors every MiniKit exercise throws.
public enum MiniError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The function has not been written yet; the payload names it.
  case notImplemented(String)

  /// The input was empty.
  case emptyInput

  /// A sentence that says what was wrong.
  public var description: String {
    switch self {
    case .notImplemented(let function):
      return "\(function) is not implemented yet"
    case .emptyInput:
      return "the input is empty"
    }
  }
}
