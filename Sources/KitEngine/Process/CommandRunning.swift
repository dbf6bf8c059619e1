/// Something that runs programs: the real ``ProcessRunner``, or a stand-in in tests.
public protocol CommandRunning: Sendable {
  /// Runs a program to completion (or until its time limit) and returns what it left behind.
  ///
  /// - Parameter command: The program, arguments, folder, environment and time limit.
  /// - Returns: The exit status and the captured output.
  /// - Throws: `KitError.launchFailed` when the program cannot be started.
  func run(_ command: ShellCommand) throws(KitError) -> CommandResult
}
