import Foundation

/// A short description of this machine for the report: processor, cores and system.
enum Machine {
  static func describe() -> String {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var parts = [processorName() ?? "unknown processor"]
    parts.append("\(cores) \(cores == 1 ? "core" : "cores") (each kernel runs on one)")
    #if os(Linux)
      parts.append("Linux")
    #elseif os(macOS)
      parts.append("macOS")
    #endif
    var text = parts.joined(separator: ", ")
    if HugePages.areRequested { text += "; large arrays on huge pages, as numpy's" }
    return text
  }

  /// The processor's model name from `/proc/cpuinfo`, where there is one.
  private static func processorName() -> String? {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
      return nil
    }
    for line in text.split(separator: "\n") where line.hasPrefix("model name") {
      let name = line.split(separator: ":", maxSplits: 1).last?
        .trimmingCharacters(in: .whitespaces)
      if let name, !name.isEmpty { return name }
    }
    return nil
  }
}
