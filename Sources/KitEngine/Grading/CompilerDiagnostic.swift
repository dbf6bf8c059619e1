/// One error the compiler reported, with the source excerpt it printed under it.
public struct CompilerDiagnostic: Hashable, Sendable, Codable {
  /// Where the error is.
  public var location: SourceLocation

  /// The error's text, such as `cannot find 'factor' in scope`.
  public var message: String

  /// The excerpt lines the compiler printed under the error (numbered source and markers).
  public var excerpt: [String]

  /// Creates a diagnostic.
  ///
  /// - Parameters:
  ///   - location: Where the error is.
  ///   - message: The error's text.
  ///   - excerpt: The excerpt lines printed under it.
  public init(location: SourceLocation, message: String, excerpt: [String] = []) {
    self.location = location
    self.message = message
    self.excerpt = excerpt
  }
}
