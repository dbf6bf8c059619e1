extension String {
  /// The string padded with spaces on the right to at least `length` characters.
  func paddedRight(to length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }

  /// The string padded with spaces on the left to at least `length` characters.
  func paddedLeft(to length: Int) -> String {
    count >= length ? self : String(repeating: " ", count: length - count) + self
  }
}

extension StringProtocol {
  /// The text without spaces and tabs at either end.
  var trimmingSpaces: String {
    let characters = Array(self)
    guard let first = characters.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }),
      let last = characters.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" })
    else { return "" }
    return String(characters[first...last])
  }
}
