import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a tool writes its output and reads its answers: the terminal, or a script in tests.
public protocol Console {
  /// Writes text to standard output as is, at once, so a prompt shows before input is read
  /// (add the newline yourself).
  func write(_ text: String)

  /// Writes text to standard error as is, at once.
  func writeError(_ text: String)

  /// Reads one line without its line ending, or `nil` at the end of input (Ctrl-D, a closed
  /// pipe).
  func readLine() -> String?

  /// Reads one line, waiting for it no later than a deadline.
  ///
  /// - Parameter deadline: When to stop waiting, or `nil` to wait as long as it takes.
  /// - Returns: The line, or why there is none: the time ran out, input ended, or an
  ///   interrupt (Ctrl-C) arrived while waiting.
  func readLine(before deadline: Date?) -> LineInput

  /// Whether standard output is a terminal (colour is only used there).
  var outputIsTerminal: Bool { get }

  /// Whether standard error is a terminal (progress messages go there only then).
  var errorIsTerminal: Bool { get }

  /// The width text is wrapped to, in columns, or `nil` to write lines as they are.
  var columns: Int? { get }
}

/// What waiting for a line of input gave.
public enum LineInput: Hashable, Sendable {
  /// A line, without its line ending.
  case line(String)

  /// The deadline passed first.
  case timedOut

  /// Input ended (Ctrl-D, a closed pipe).
  case ended

  /// An interrupt (Ctrl-C) arrived while waiting.
  case interrupted

  /// The line, or `nil` when there is none.
  public var text: String? {
    if case .line(let text) = self { return text }
    return nil
  }
}

/// The process's standard input, output and error.
///
/// When standard input is not a terminal (a pipe or a file), each line read is echoed after
/// its prompt, so a transcript reads like the session a person would see. Input is read
/// straight from the file descriptor with `poll(2)`, in a terminal and in a pipe alike, so a
/// read can stop at a deadline or at an interrupt.
public struct StandardConsole: Console, Sendable {
  private let echoesInput: Bool
  private let interruptRequested: @Sendable () -> Bool

  /// Creates the console.
  ///
  /// - Parameter interruptRequested: Whether a Ctrl-C was recorded, asked when a wait for input
  ///   is cut short by a signal; a read then returns ``LineInput/interrupted``.
  public init(interruptRequested: @escaping @Sendable () -> Bool = { false }) {
    echoesInput = isatty(STDIN_FILENO) != 1
    self.interruptRequested = interruptRequested
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
    // A failure is a closed pipe or a full disk: nothing useful left to do.
    _ = Array(text.utf8).withUnsafeBytes { systemWriteAll($0, to: descriptor) }
  }

  /// Reads a line of standard input, dropping a trailing carriage return too.
  public func readLine() -> String? {
    readLine(before: nil).text
  }

  /// Reads a line of standard input, waiting no later than a deadline; when the time runs out
  /// in a terminal, what was typed so far is discarded, so it does not become the next answer.
  public func readLine(before deadline: Date?) -> LineInput {
    let result = StandardInput.shared.readLine(
      before: deadline, interruptRequested: interruptRequested)
    if case .line(let line) = result, echoesInput { write(line + "\n") }
    if result == .timedOut, isatty(STDIN_FILENO) == 1 { tcflush(STDIN_FILENO, TCIFLUSH) }
    return result
  }

  /// Whether standard output is a terminal.
  public var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// Whether standard error is a terminal.
  public var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

  /// The width to wrap to: the terminal's (``TerminalWidth``).
  public var columns: Int? {
    TerminalWidth.resolve(
      terminalColumns: terminalColumns, environment: ProcessInfo.processInfo.environment)
  }

  /// The width `TIOCGWINSZ` reports for standard output, or `nil` when it is not a terminal.
  private var terminalColumns: Int? {
    guard outputIsTerminal else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
      return nil
    }
    return Int(size.ws_col)
  }
}

/// How wide the console is: the rule, apart from the system calls, so it can be tested.
public enum TerminalWidth {
  /// The width when nothing says otherwise.
  public static let fallback = 80

  /// The width to wrap to: the terminal's own width when standard output is a terminal that
  /// reports one, else `COLUMNS` when it holds a positive number, else ``fallback``.
  ///
  /// - Parameters:
  ///   - terminalColumns: The width `ioctl(TIOCGWINSZ)` reported, or `nil` when standard
  ///     output is not a terminal or did not say.
  ///   - environment: The process environment.
  /// - Returns: The width in columns.
  public static func resolve(terminalColumns: Int?, environment: [String: String]) -> Int {
    if let terminalColumns, terminalColumns > 0 { return terminalColumns }
    if let text = environment["COLUMNS"], let columns = Int(text.filter { $0 != " " }),
      columns > 0
    {
      return columns
    }
    return fallback
  }
}

/// Standard input's bytes not yet returned as lines: one buffer for the process.
private final class StandardInput: @unchecked Sendable {
  static let shared = StandardInput()

  private let lock = NSLock()
  private var buffer: [UInt8] = []
  private var ended = false

  func readLine(
    before deadline: Date?, interruptRequested: () -> Bool
  ) -> LineInput {
    lock.lock()
    defer { lock.unlock() }
    while true {
      if let newline = buffer.firstIndex(of: 10) {
        var bytes = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        if bytes.last == 13 { bytes.removeLast() }
        return .line(String(decoding: bytes, as: UTF8.self))
      }
      if ended {
        guard !buffer.isEmpty else { return .ended }
        defer { buffer.removeAll() }
        return .line(String(decoding: buffer, as: UTF8.self))
      }
      var milliseconds: Int32 = -1
      if let deadline {
        let left = deadline.timeIntervalSinceNow
        guard left > 0 else { return .timedOut }
        milliseconds = Int32(min((left * 1000).rounded(.up), 60_000))
      }
      var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, milliseconds)
      if ready < 0 {
        if errno == EINTR {
          if interruptRequested() { return .interrupted }
          continue
        }
        ended = true
        continue
      }
      if ready == 0 { continue }  // the wait ended: look at the clock again
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, 4096) }
      if count < 0 {
        if errno == EINTR {
          if interruptRequested() { return .interrupted }
          continue
        }
        ended = true
      } else if count == 0 {
        ended = true
      } else {
        buffer += chunk[..<count]
      }
    }
  }
}

extension Console {
  /// Reads one line as ``readLine()`` does, never timing out: for consoles that cannot wait
  /// with a deadline (scripted input in tests).
  public func readLine(before deadline: Date?) -> LineInput {
    readLine().map(LineInput.line) ?? .ended
  }

  /// Writes text to standard output, each of its lines wrapped to ``columns`` (when set) at
  /// spaces, keeping indentation and list items' hanging indent, never breaking inside a word,
  /// a URL or path, or an escape sequence (``TextLayout/wrapLines(_:width:)``).
  ///
  /// - Parameter text: The text; end it with a newline yourself.
  public func writeWrapped(_ text: String) {
    guard let width = columns else {
      write(text)
      return
    }
    write(TextLayout.wrapLines(text, width: width))
  }

  /// Writes a line to standard output, wrapped to the console's width.
  ///
  /// - Parameter line: The line (or lines), without the final newline.
  public func line(_ line: String = "") { writeWrapped(line + "\n") }

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

/// A console that reads from a list of lines and records what is written, for tests.
public final class ScriptedConsole: Console {
  /// The lines still to be read.
  public private(set) var input: [String]

  /// Everything written to standard output.
  public private(set) var output = ""

  /// Everything written to standard error.
  public private(set) var errorOutput = ""

  /// Whether to claim standard output is a terminal.
  public var outputIsTerminal: Bool

  /// Whether to claim standard error is a terminal.
  public var errorIsTerminal = false

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
