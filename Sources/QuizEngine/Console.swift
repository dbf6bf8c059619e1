import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the quiz writes and reads: the terminal, or a script in tests.
public protocol Console: AnyObject {
  /// Writes text to standard output as is, and flushes it so a prompt shows before input is
  /// read (a pipe is fully buffered otherwise).
  func write(_ text: String)

  /// Writes text to standard error as is.
  func writeError(_ text: String)

  /// Reads one line without its line ending, or `nil` at the end of input (Ctrl-D, a closed
  /// pipe).
  func readLine() -> String?

  /// Whether standard output is a terminal (colour and wrapping are only used there).
  var outputIsTerminal: Bool { get }

  /// The terminal's width in columns, or `nil` when unknown or not a terminal.
  var columns: Int? { get }
}

/// The process's standard input, output and error.
///
/// When standard input is not a terminal (a pipe or a file), each line read is echoed after
/// its prompt, so a transcript reads like the session a person would see.
public final class StandardConsole: Console {
  private let echoesInput: Bool

  /// Creates the console.
  public init() {
    echoesInput = isatty(STDIN_FILENO) != 1
  }

  /// Writes to standard output at once: the bytes go straight to the file descriptor, with
  /// no buffer in between, so a prompt is on screen (or in the pipe) before input is read.
  public func write(_ text: String) {
    Self.writeAll(text, to: STDOUT_FILENO)
  }

  /// Writes to standard error at once.
  public func writeError(_ text: String) {
    Self.writeAll(text, to: STDERR_FILENO)
  }

  private static func writeAll(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count, let base = buffer.baseAddress {
        let written = systemWrite(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return  // a closed pipe or full disk: nothing useful left to do
        }
        offset += written
      }
    }
  }

  /// Reads a line of standard input, dropping a trailing carriage return too.
  public func readLine() -> String? {
    guard var line = Swift.readLine(strippingNewline: true) else { return nil }
    if line.hasSuffix("\r") { line.removeLast() }
    if echoesInput { write(line + "\n") }
    return line
  }

  /// Whether standard output is a terminal.
  public var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// The terminal's width from `TIOCGWINSZ`, or `nil`.
  public var columns: Int? {
    guard outputIsTerminal else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
      return nil
    }
    return Int(size.ws_col)
  }
}

/// A console that reads from a list of lines and records what is written, for tests.
public final class ScriptedConsole: Console {
  /// The lines still to be read.
  public private(set) var input: [String]

  /// Everything written to standard output.
  public private(set) var output = ""

  /// Everything written to standard error.
  public private(set) var errorOutput = ""

  /// Whether to claim to be a terminal.
  public var outputIsTerminal: Bool

  /// The claimed width.
  public var columns: Int?

  /// Creates a console.
  ///
  /// - Parameters:
  ///   - input: The lines to read, in order; after the last, input ends.
  ///   - isTerminal: Whether to claim to be a terminal.
  ///   - columns: The claimed width.
  public init(input: [String], isTerminal: Bool = false, columns: Int? = nil) {
    self.input = input
    self.outputIsTerminal = isTerminal
    self.columns = columns
  }

  /// Records output.
  public func write(_ text: String) { output += text }

  /// Records error output.
  public func writeError(_ text: String) { errorOutput += text }

  /// Returns the next scripted line, or `nil` when none is left; like a pipe, echoes it.
  public func readLine() -> String? {
    guard !input.isEmpty else { return nil }
    let line = input.removeFirst()
    output += line + "\n"
    return line
  }
}
