import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the kit writes its output and reads its answers: the terminal, or a recording in tests.
public protocol Console {
  /// Writes text to standard output, as is (add the newline yourself).
  func write(_ text: String)

  /// Writes text to standard error, as is.
  func writeError(_ text: String)

  /// Reads one line of input without its newline, or `nil` at the end of input.
  func readLine() -> String?

  /// Whether standard output is a terminal.
  var outputIsTerminal: Bool { get }

  /// Whether standard error is a terminal (progress messages go there only then).
  var errorIsTerminal: Bool { get }
}

/// The process's own standard output, standard error and standard input.
public struct StandardConsole: Console {
  /// Creates the console.
  public init() {}

  /// Writes text to standard output at once (unbuffered), so prompts show before input is
  /// read.
  public func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// Writes text to standard error at once.
  public func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Reads one line of standard input, or `nil` at its end.
  public func readLine() -> String? {
    Swift.readLine(strippingNewline: true)
  }

  /// Whether standard output is a terminal.
  public var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// Whether standard error is a terminal.
  public var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

extension Console {
  /// Writes a line to standard output.
  ///
  /// - Parameter line: The line, without its newline.
  public func line(_ line: String = "") { write(line + "\n") }

  /// Asks a yes/no question; anything but `y` or `yes` (including the end of input) is no.
  ///
  /// - Parameter question: The question, without the `[y/N]` suffix.
  /// - Returns: Whether the answer was yes.
  public func confirm(_ question: String) -> Bool {
    write(question + " [y/N] ")
    guard let answer = readLine() else {
      write("\n")
      return false
    }
    return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
  }
}
