/// What a finished program left behind.
public struct CommandResult: Hashable, Sendable {
  /// The exit status, or the signal number when ``wasSignalled`` is true.
  public var status: Int32

  /// Whether the program was ended by a signal rather than exiting.
  public var wasSignalled: Bool

  /// Whether the kit interrupted the program because its time limit passed.
  public var timedOut: Bool

  /// Everything the program wrote to its standard output.
  public var standardOutput: String

  /// Everything the program wrote to its standard error.
  public var standardError: String

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - status: The exit status or signal number.
  ///   - wasSignalled: Whether a signal ended the program.
  ///   - timedOut: Whether the time limit passed.
  ///   - standardOutput: The program's standard output.
  ///   - standardError: The program's standard error.
  public init(
    status: Int32,
    wasSignalled: Bool = false,
    timedOut: Bool = false,
    standardOutput: String = "",
    standardError: String = ""
  ) {
    self.status = status
    self.wasSignalled = wasSignalled
    self.timedOut = timedOut
    self.standardOutput = standardOutput
    self.standardError = standardError
  }

  /// Whether the program exited with status 0 in time.
  public var succeeded: Bool { status == 0 && !wasSignalled && !timedOut }

  /// Standard output and standard error, one after the other.
  public var combinedOutput: String {
    standardError.isEmpty ? standardOutput : standardOutput + "\n" + standardError
  }
}
