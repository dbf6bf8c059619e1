/// A language the quiz speaks: every question and every line of the interface exists in both.
public enum Language: String, CaseIterable, Codable, Hashable, Sendable {
  /// English.
  case english = "en"

  /// Simplified Chinese.
  case chinese = "zh"

  /// The language a locale string asks for: Chinese for `zh`, `zh_CN.UTF-8`, `zh-Hans` and the
  /// like, English for anything else.
  ///
  /// - Parameter locale: A value of `LC_ALL`, `LC_MESSAGES` or `LANG`, or a `--lang` value.
  /// - Returns: `.chinese` when the locale's language is `zh`, otherwise `.english`.
  public static func fromLocale(_ locale: String) -> Language {
    let lowered = locale.lowercased()
    return lowered == "zh" || lowered.hasPrefix("zh_") || lowered.hasPrefix("zh-")
      || lowered.hasPrefix("zh.") ? .chinese : .english
  }

  /// The default language from the environment, following POSIX precedence: the first
  /// non-empty of `LC_ALL`, `LC_MESSAGES` and `LANG`; English when none is set.
  ///
  /// - Parameter environment: The process environment.
  /// - Returns: The language to use when `--lang` is not given.
  public static func fromEnvironment(_ environment: [String: String]) -> Language {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[name], !value.isEmpty {
        return fromLocale(value)
      }
    }
    return .english
  }
}

/// A text in every language of the quiz.
public struct LocalizedText: Codable, Hashable, Sendable {
  /// The English text.
  public var en: String

  /// The Simplified Chinese text.
  public var zh: String

  /// Creates a text from its two translations.
  ///
  /// - Parameters:
  ///   - en: The English text.
  ///   - zh: The Simplified Chinese text.
  public init(en: String, zh: String) {
    self.en = en
    self.zh = zh
  }

  /// The text in one language.
  ///
  /// - Parameter language: The language wanted.
  /// - Returns: That translation.
  public subscript(language: Language) -> String {
    switch language {
    case .english: en
    case .chinese: zh
    }
  }
}
