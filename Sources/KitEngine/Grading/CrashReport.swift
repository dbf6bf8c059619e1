import Foundation

/// What a crashed test process said about its crash: the trap message and where it happened.
public struct CrashReport: Hashable, Sendable, Codable {
  /// The trap message, such as `Index out of range`.
  public var message: String

  /// The line in the learner's code (or, failing that, the test) where the trap happened.
  public var location: SourceLocation?

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - message: The trap message.
  ///   - location: Where the trap happened, when known.
  public init(message: String, location: SourceLocation? = nil) {
    self.message = message
    self.location = location
  }

  /// Reads a crash out of a test process's output.
  ///
  /// The message is the text after `Fatal error:` (index out of range, force unwrap of `nil`,
  /// `fatalError`, `precondition`), else a `Swift runtime failure:` frame (arithmetic
  /// overflow), else the backtracer's `Program crashed:` line, else the signal SwiftPM reports.
  /// The location is the first backtrace frame (run with `SWIFT_BACKTRACE=enable=yes`) whose
  /// file lies in one of `preferredFolders`, tried in order.
  ///
  /// - Parameters:
  ///   - output: The process's standard output and standard error.
  ///   - preferredFolders: Absolute folder paths, most wanted first (the exercise, the root).
  /// - Returns: The report, or `nil` when the output shows no crash.
  /// - Complexity: O(*n*) in the length of the output.
  public static func parse(_ output: String, preferredFolders: [String]) -> CrashReport? {
    let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    var message: String?
    if let line = lines.first(where: { $0.contains("Fatal error") }),
      let range = line.range(of: "Fatal error")
    {
      var text = line[range.upperBound...].drop { $0 == ":" || $0 == " " }
      if text.isEmpty { text = "Fatal error" }
      message = String(text)
    } else if let line = lines.first(where: { $0.contains("Swift runtime failure: ") }),
      let range = line.range(of: "Swift runtime failure: ")
    {
      let text = line[range.upperBound...]
      let end =
        [" + ", " in "].compactMap { text.range(of: $0)?.lowerBound }.min() ?? text.endIndex
      message = String(text[..<end])
    } else if let line = lines.first(where: { $0.contains("Program crashed: ") }),
      let range = line.range(of: "Program crashed: ")
    {
      let text = line[range.upperBound...]
      message = String((text.range(of: " at ").map { text[..<$0.lowerBound] } ?? text))
        .trimmingCharacters(in: CharacterSet(charactersIn: "* "))
    } else if let line = lines.first(where: { $0.contains("unexpected signal code ") }),
      let range = line.range(of: "unexpected signal code "),
      let signal = Int(line[range.upperBound...].prefix { $0.isNumber })
    {
      message = Self.signalName(signal)
    }
    let frames = Self.frameLocations(lines)
    var location: SourceLocation?
    for folder in preferredFolders {
      let prefix = folder.hasSuffix("/") ? folder : folder + "/"
      if let found = frames.first(where: { $0.path.hasPrefix(prefix) }) {
        location = found
        break
      }
    }
    guard let message else { return nil }
    return CrashReport(message: message, location: location)
  }

  /// A readable name for a signal that ends a test process.
  ///
  /// - Parameter signal: The signal number.
  /// - Returns: For example `"illegal instruction (signal 4)"`.
  public static func signalName(_ signal: Int) -> String {
    let names = [
      4: "illegal instruction", 5: "trace trap", 6: "abort", 7: "bus error",
      8: "arithmetic exception", 9: "killed", 11: "segmentation fault",
    ]
    return "\(names[signal] ?? "ended by a signal") (signal \(signal))"
  }

  /// The `at PATH:LINE:COLUMN` locations of backtrace frames, crashed thread first.
  private static func frameLocations(_ lines: [String]) -> [SourceLocation] {
    let start = lines.firstIndex { $0.hasPrefix("Thread") && $0.hasSuffix("crashed:") } ?? 0
    var locations: [SourceLocation] = []
    for line in lines[start...] + lines[..<start] {
      guard let at = line.range(of: " at /", options: .backwards) else { continue }
      let place = line[line.index(before: at.upperBound)...]
      let parts = place.split(separator: ":")
      guard parts.count >= 2, let number = Int(parts[1]) else { continue }
      let column = parts.count >= 3 ? Int(parts[2]) : nil
      locations.append(SourceLocation(path: String(parts[0]), line: number, column: column))
    }
    return locations
  }
}
