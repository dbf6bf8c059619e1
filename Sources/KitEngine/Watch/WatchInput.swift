#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The events of `kit watch` from standard input: single keys in a terminal (raw mode, no echo,
/// Ctrl-C still interrupts), the first letter of each line otherwise; a tick as soon as a
/// watched folder reports a change (``FileEvents``), and whenever nothing arrives within the
/// poll interval.
///
/// ``restore()`` puts the terminal back as it was; the kit calls it on every way out, and the
/// interrupt handler does the same (see ``KitInterrupt/saveTerminal()``).
public final class WatchInput {
  /// Whether standard input is a terminal (single keys) rather than a pipe (lines).
  public let isTerminal: Bool

  /// Seconds to wait for a key before reporting a tick.
  public let pollInterval: Double

  /// Changes in the exercise folders, reported as they happen, or `nil` to rely on polling.
  public let files: FileEvents?

  private var original = termios()
  private var isRaw = false
  private var pending: [UInt8] = []
  private var atEnd = false

  /// Prepares the input, switching a terminal to single keys without echo.
  ///
  /// - Parameters:
  ///   - pollInterval: Seconds to wait for a key before reporting a tick.
  ///   - files: Changes in the exercise folders, which end the wait at once.
  public init(pollInterval: Double = 0.25, files: FileEvents? = nil) {
    self.pollInterval = pollInterval
    self.files = files
    isTerminal = isatty(STDIN_FILENO) == 1
    guard isTerminal, tcgetattr(STDIN_FILENO, &original) == 0 else { return }
    KitInterrupt.saveTerminal()
    var raw = original
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    isRaw = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0
  }

  deinit { restore() }

  /// Puts the terminal back in the mode it had; harmless when called twice.
  public func restore() {
    guard isRaw else { return }
    tcsetattr(STDIN_FILENO, TCSANOW, &original)
    isRaw = false
    KitInterrupt.forgetTerminal()
  }

  /// Waits up to the poll interval for input or a change in the watched folders.
  ///
  /// - Returns: A key, a tick when a folder changed or nothing came, or the end of input.
  public func next() -> WatchEvent {
    if KitInterrupt.wasRequested || atEnd { return .end }
    if let event = takePending() { return event }
    var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
    if let folder = files?.descriptor {
      descriptors.append(pollfd(fd: folder, events: Int16(POLLIN), revents: 0))
    }
    let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(pollInterval * 1000))
    guard ready > 0 else { return .tick }
    if descriptors.count > 1, descriptors[1].revents != 0 {
      files?.drain()
      if descriptors[0].revents == 0 { return .tick }
    }
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = read(STDIN_FILENO, &buffer, buffer.count)
    if count <= 0 {
      atEnd = true
      return pending.isEmpty ? .end : (takePending(flush: true) ?? .end)
    }
    pending += buffer[..<count]
    return takePending() ?? .tick
  }

  /// The next key from what was read: each byte in a terminal, the first letter of each
  /// complete line otherwise.
  private func takePending(flush: Bool = false) -> WatchEvent? {
    if isTerminal {
      guard !pending.isEmpty else { return nil }
      let byte = pending.removeFirst()
      return .key(Character(Unicode.Scalar(byte)))
    }
    while let newline = pending.firstIndex(of: 10)
      ?? (flush && !pending.isEmpty ? pending.count : nil)
    {
      let line = pending[..<newline]
      pending.removeFirst(min(newline + 1, pending.count))
      if let first = line.first(where: { $0 != 32 && $0 != 9 && $0 != 13 }) {
        return .key(Character(Unicode.Scalar(first)))
      }
    }
    return nil
  }
}
