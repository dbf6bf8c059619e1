import Foundation
import KitSupport

/// Where an interview's report is saved: a new Markdown file under the kit's state folder,
/// rewritten after every answer, never a file the interview did not create.
public final class InterviewReportFile {
  /// The folder the reports go to.
  public let folder: String

  /// The file this interview writes, once the first save has created it.
  public private(set) var path: String?

  /// The last problem saving, when there was one.
  public private(set) var problem: String?

  private let stamp: String

  /// Creates the saver.
  ///
  /// - Parameters:
  ///   - folder: The reports' folder (`…/pruning-kit/interviews`).
  ///   - started: The interview's start, which names the file.
  public init(folder: String, started: Date) {
    self.folder = folder
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    stamp = formatter.string(from: started)
  }

  /// The reports' folder for a process environment: `interviews` beside the kit's state file.
  ///
  /// - Parameter environment: The process environment.
  /// - Returns: The folder's path.
  /// - Throws: `KitError.fileSystem` when there is no state folder.
  public static func standardFolder(environment: [String: String]) throws(KitError) -> String {
    try KitStateStore.stateItem("interviews", environment: environment)
  }

  /// Saves the text: the first time into a new file (`interview-DATE.md`, or `-2`, `-3`, …
  /// when that name is taken), later over that same file.
  ///
  /// - Parameter text: The report.
  public func save(_ text: String) {
    let data = Data(text.utf8)
    do {
      if let path {
        try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        return
      }
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true)
      for attempt in 1...100 {
        let name = "interview-\(stamp)\(attempt == 1 ? "" : "-\(attempt)").md"
        let candidate = folder + "/" + name
        do {
          try data.write(to: URL(fileURLWithPath: candidate), options: .withoutOverwriting)
          path = candidate
          return
        } catch  where FileManager.default.fileExists(atPath: candidate) {
          continue
        }
      }
      problem = "no free file name in \(folder)"
    } catch let failure as AtomicFile.Failure {
      problem = failure.reason
    } catch {
      problem = error.localizedDescription
    }
  }
}
