import Foundation

/// Reads files from PruningCore's resource folder (`Sources/PruningCore/Resources`).
enum ResourceFiles {
  /// The contents of a resource file.
  ///
  /// - Parameter name: The file name with its extension, e.g. `digits.csv`.
  /// - Returns: The file's bytes.
  /// - Throws: `PruningError.resourceNotFound` when the bundle has no such file or it cannot
  ///   be read.
  static func data(named name: String) throws(PruningError) -> Data {
    let url = URL(fileURLWithPath: name)
    let base = url.deletingPathExtension().lastPathComponent
    let ext = url.pathExtension
    guard
      let found = Bundle.module.url(
        forResource: base, withExtension: ext, subdirectory: "Resources")
        ?? Bundle.module.url(forResource: base, withExtension: ext),
      let data = try? Data(contentsOf: found)
    else {
      throw .resourceNotFound(name)
    }
    return data
  }

  /// The contents of a UTF-8 resource file.
  ///
  /// - Parameter name: The file name with its extension.
  /// - Returns: The file's text.
  /// - Throws: `PruningError.resourceNotFound` when the file is missing or not UTF-8.
  static func text(named name: String) throws(PruningError) -> String {
    guard let text = String(data: try data(named: name), encoding: .utf8) else {
      throw .resourceNotFound(name)
    }
    return text
  }
}
