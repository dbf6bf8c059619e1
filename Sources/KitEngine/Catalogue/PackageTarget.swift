/// One target of the package manifest: its name, its folder and the targets it depends on.
///
/// The catalogue keeps them so that an exercise's grade can be keyed on exactly the folders its
/// test target is built from (see ``Catalogue/gradeInputs(of:usesSolutions:)``).
public struct PackageTarget: Hashable, Sendable, Codable {
  /// The target's name, such as `"PruningCore"` or `"WeightPruningTests"`.
  public var name: String

  /// Whether it is a test target.
  public var isTest: Bool

  /// The folder the manifest gives (`path:`), relative to the package root; `nil` for the
  /// default place.
  public var path: String?

  /// The targets of the same package it depends on, by name (products of other packages are
  /// left out: the kit has none).
  public var dependencies: [String]

  /// Creates a target.
  ///
  /// - Parameters:
  ///   - name: The target's name.
  ///   - isTest: Whether it is a test target.
  ///   - path: The folder the manifest gives, or `nil` for the default place.
  ///   - dependencies: The names of the package's targets it depends on.
  public init(name: String, isTest: Bool = false, path: String? = nil, dependencies: [String] = [])
  {
    self.name = name
    self.isTest = isTest
    self.path = path
    self.dependencies = dependencies
  }

  /// The target's folder relative to the package root: its `path:`, else SwiftPM's default,
  /// `Tests/<name>` for a test target and `Sources/<name>` for any other.
  public var folder: String {
    path ?? (isTest ? "Tests/\(name)" : "Sources/\(name)")
  }
}
