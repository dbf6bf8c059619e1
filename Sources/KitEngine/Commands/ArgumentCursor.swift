/// A walk over command-line arguments, one at a time, where an option's value is the argument
/// after it.
///
/// ```swift
/// var cursor = ArgumentCursor(["--seed", "7", "check"])
/// cursor.next()                   // "--seed"
/// try cursor.value(for: "--seed")  // "7"
/// cursor.next()                   // "check"
/// cursor.next()                   // nil
/// ```
struct ArgumentCursor {
  private let arguments: [String]
  private var index = 0

  /// Starts before the first argument.
  ///
  /// - Parameter arguments: The arguments after the program name.
  init(_ arguments: [String]) {
    self.arguments = arguments
  }

  /// The next argument, moving past it.
  ///
  /// - Returns: The argument, or `nil` after the last one.
  /// - Complexity: O(1).
  mutating func next() -> String? {
    guard index < arguments.count else { return nil }
    defer { index += 1 }
    return arguments[index]
  }

  /// The value of an option: the argument after it, moving past it.
  ///
  /// - Parameter option: The option just read, named in the error.
  /// - Returns: The value.
  /// - Throws: `KitError.usage("<option> needs a value")` when no argument follows.
  /// - Complexity: O(1).
  mutating func value(for option: String) throws(KitError) -> String {
    guard let value = next() else { throw .usage("\(option) needs a value") }
    return value
  }
}
