import Foundation

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

  /// The reference, each file under a header line.
  ///
  /// - Parameter exercise: The exercise.
  /// - Returns: The text to print, ending with a newline.
  /// - Throws: `KitError.exerciseUnavailable` when the exercise has no reference.
  public func render(_ exercise: Exercise) throws(KitError) -> String {
    let paths = files(of: exercise)
    guard !paths.isEmpty else { throw .exerciseUnavailable(exercise.solutionPath) }
    var output = ""
    for path in paths {
      output += style.bold("── \(path) ──") + "\n"
      let text = read(path)
      output += text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
      output += "\n"
    }
    return output
  }

  /// The differences from the learner's files to the reference, as unified diffs.
  ///
  /// - Parameter exercise: The exercise.
  /// - Returns: One diff per file that differs, or a line saying a file is the same.
  /// - Throws: `KitError.exerciseUnavailable` when the exercise has no reference.
  public func renderDiff(_ exercise: Exercise) throws(KitError) -> String {
    let paths = files(of: exercise)
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
          output += style.bold(String(line))
        } else if line.hasPrefix("+") {
          output += style.green(String(line))
        } else if line.hasPrefix("-") {
          output += style.red(String(line))
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
