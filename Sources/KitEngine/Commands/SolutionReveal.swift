import Foundation
import KitSupport

/// Shows an exercise's reference solution, file by file or as a diff against the learner's
/// files.
public struct SolutionReveal: Sendable {
  /// The exercises and the package root.
  public var catalogue: Catalogue

  /// Colours, or none.
  public var style: TextStyle

  /// Creates a reveal.
  ///
  /// - Parameters:
  ///   - catalogue: The exercises and the package root.
  ///   - style: Colours, or none.
  public init(catalogue: Catalogue, style: TextStyle) {
    self.catalogue = catalogue
    self.style = style
  }

  /// The reference's Swift files, relative to the package root.
  ///
  /// - Parameter exercise: The exercise.
  /// - Returns: The files under `Solutions/NN-Name`, sorted.
  public func files(of exercise: Exercise) -> [String] {
    catalogue.swiftFiles(in: exercise.solutionPath)
  }

  /// The reference files that match a file name (`PruneCount.swift`, `PruneCount`) or a
  /// function the file declares (`pruneCount`); every file when `part` is `nil`.
  ///
  /// - Parameters:
  ///   - exercise: The exercise.
  ///   - part: A file name, with or without `.swift`, or a function name.
  /// - Returns: The matching files, sorted.
  /// - Throws: `KitError.usage` when nothing matches, listing the files.
  public func files(of exercise: Exercise, matching part: String?) throws(KitError) -> [String] {
    let all = files(of: exercise)
    guard let part, !part.isEmpty else { return all }
    let wanted = part.lowercased()
    let byName = all.filter { path in
      let name = (path as NSString).lastPathComponent.lowercased()
      return name == wanted || name == wanted + ".swift"
    }
    if !byName.isEmpty { return byName }
    let function = part.prefix { $0 != "(" }
    let byFunction = all.filter { read($0).contains("func \(function)(") }
    if !byFunction.isEmpty { return byFunction }
    let names = all.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
    throw .usage(
      "no reference file of \(exercise.title) is or declares '\(part)'; the files: \(names)")
  }

  /// The reference, each file under a header line.
  ///
  /// - Parameters:
  ///   - exercise: The exercise.
  ///   - part: A file or function name to show only that file; every file when `nil`.
  /// - Returns: The text to print, ending with a newline.
  /// - Throws: `KitError.exerciseUnavailable` when the exercise has no reference,
  ///   `KitError.usage` when `part` matches no file.
  public func render(_ exercise: Exercise, only part: String? = nil) throws(KitError) -> String {
    let paths = try files(of: exercise, matching: part)
    guard !paths.isEmpty else { throw .exerciseUnavailable(exercise.solutionPath) }
    var output = ""
    for path in paths {
      output += style.heading("── \(path) ──") + "\n"
      let text = read(path)
      output += text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
      output += "\n"
    }
    return output
  }

  /// The differences from the learner's files to the reference, as unified diffs.
  ///
  /// - Parameters:
  ///   - exercise: The exercise.
  ///   - part: A file or function name to compare only that file; every file when `nil`.
  /// - Returns: One diff per file that differs, or a line saying a file is the same.
  /// - Throws: `KitError.exerciseUnavailable` when the exercise has no reference,
  ///   `KitError.usage` when `part` matches no file.
  public func renderDiff(_ exercise: Exercise, only part: String? = nil) throws(KitError) -> String
  {
    let paths = try files(of: exercise, matching: part)
    guard !paths.isEmpty else { throw .exerciseUnavailable(exercise.solutionPath) }
    var output = ""
    for path in paths {
      let relative = String(path.dropFirst(exercise.solutionPath.count + 1))
      let yours = "\(exercise.exercisePath)/\(relative)"
      let diff = UnifiedDiff.render(
        old: read(yours), new: read(path),
        oldName: "\(yours) (yours)", newName: "\(path) (reference)")
      if diff.isEmpty {
        output += "\(yours) is the same as the reference.\n"
        continue
      }
      for line in diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
        if line.hasPrefix("+++") || line.hasPrefix("---") {
          output += style.emphasis(String(line))
        } else if line.hasPrefix("+") {
          output += style.success(String(line))
        } else if line.hasPrefix("-") {
          output += style.failure(String(line))
        } else if line.hasPrefix("@@") {
          output += style.dim(String(line))
        } else {
          output += line
        }
        output += "\n"
      }
      output += "\n"
    }
    return output
  }

  private func read(_ path: String) -> String {
    let data = FileManager.default.contents(atPath: catalogue.absolute(path)) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}
