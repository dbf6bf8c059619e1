import Foundation

/// Normalises what a learner types, so an answer counts the same however it was entered.
///
/// Input methods for Chinese produce full-width digits, letters and punctuation (`１，３`),
/// ideographic spaces and the enumeration comma `、`; terminals may send either case. The
/// normaliser applies Unicode NFKC (full-width forms become ASCII), maps the CJK punctuation
/// NFKC keeps (`、` `。` `「」`) to ASCII, lowercases, trims and collapses whitespace.
public enum TextNormalization {
  /// The normalised form of a typed answer.
  ///
  /// - Parameter text: The raw line the learner typed.
  /// - Returns: The text in NFKC, lowercased, with CJK punctuation mapped to ASCII, trimmed,
  ///   and every run of whitespace replaced by one space.
  public static func normalize(_ text: String) -> String {
    let compatible = text.precomposedStringWithCompatibilityMapping
    var mapped = ""
    mapped.unicodeScalars.reserveCapacity(compatible.unicodeScalars.count)
    for scalar in compatible.unicodeScalars {
      switch scalar {
      case "\u{3001}": mapped += ","  // 、 ideographic comma
      case "\u{3002}", "\u{FF61}": mapped += "."  // 。 ideographic full stop
      case "\u{300C}", "\u{300D}", "\u{300E}", "\u{300F}": mapped += "\""  // 「」『』
      case "\u{201C}", "\u{201D}": mapped += "\""
      case "\u{2018}", "\u{2019}": mapped += "'"
      default: mapped.unicodeScalars.append(scalar)
      }
    }
    return mapped.lowercased()
      .split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
  }
}
