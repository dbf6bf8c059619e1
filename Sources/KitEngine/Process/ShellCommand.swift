/// A program to run, with its arguments, working folder, environment changes and time limit.
public struct ShellCommand: Hashable, Sendable {
  /// The program, looked up on `PATH` (such as `"swift"` or `"git"`).
  public var program: String

  /// The arguments after the program name.
  public var arguments: [String]

  /// The folder to run in: an absolute path.
  public var workingDirectory: String

  /// Variables to set (a value) or remove (`nil`) on top of the kit's own environment.
  public var environment: [String: String?]

  /// Seconds after which the program is interrupted, or `nil` to wait for ever.
  public var timeout: Double?

  /// Seconds between the interrupt (SIGINT) and the kill (SIGKILL) when the time limit passes.
  public var grace: Double

  /// Creates a command.
  ///
  /// - Parameters:
  ///   - program: The program, looked up on `PATH`.
  ///   - arguments: The arguments after the program name.
  ///   - workingDirectory: The folder to run in.
  ///   - environment: Variables to set or (with `nil`) remove.
  ///   - timeout: Seconds before SIGINT, or `nil` for no limit.
  ///   - grace: Seconds between SIGINT and SIGKILL.
  public init(
    _ program: String,
    _ arguments: [String],
    in workingDirectory: String,
    environment: [String: String?] = [:],
    timeout: Double? = nil,
    grace: Double = 10
  ) {
    self.program = program
    self.arguments = arguments
    self.workingDirectory = workingDirectory
    self.environment = environment
    self.timeout = timeout
    self.grace = grace
  }

  /// The command as a shell line, for messages.
  public var commandLine: String {
    let settings = environment.sorted { $0.key < $1.key }.compactMap { key, value in
      value.map { "\(key)=\(ShellCommand.quoted($0))" }
    }
    return (settings + [program] + arguments.map(ShellCommand.quoted)).joined(separator: " ")
  }

  /// Quotes a word for a POSIX shell when it needs quoting.
  ///
  /// - Parameter word: The word.
  /// - Returns: The word itself, or the word in single quotes.
  public static func quoted(_ word: String) -> String {
    let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=,:@+".contains($0) }
    if plain && !word.isEmpty { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
