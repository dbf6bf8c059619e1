/// How many terminal columns text takes: East Asian wide and full-width characters take two,
/// combining marks and zero-width characters none, everything else one.
public enum DisplayWidth {
  /// The columns a string takes in a terminal.
  ///
  /// Terminal escape sequences (colours and other `ESC [` … sequences, and `ESC ]` … links)
  /// take no columns.
  ///
  /// - Parameter text: The text, with or without escape sequences.
  /// - Returns: The sum of its visible characters' widths.
  /// - Complexity: O(*n*) in the length of the text.
  public static func of(_ text: String) -> Int {
    let characters = Array(text)
    var width = 0
    var index = 0
    while index < characters.count {
      if let end = escapeSequenceEnd(in: characters, from: index) {
        index = end
        continue
      }
      width += of(characters[index])
      index += 1
    }
    return width
  }

  /// Where the terminal escape sequence that starts at an index ends.
  ///
  /// - Parameters:
  ///   - characters: The text's characters.
  ///   - start: The index to look at.
  /// - Returns: The index just past the sequence, or `nil` when no sequence starts there. An
  ///   unfinished sequence runs to the end of the text.
  public static func escapeSequenceEnd(in characters: [Character], from start: Int) -> Int? {
    guard characters[start] == "\u{1B}", start + 1 < characters.count else { return nil }
    var index = start + 2
    switch characters[start + 1] {
    case "[":  // CSI: parameters, then one final character in @...~
      while index < characters.count {
        let value = characters[index].unicodeScalars.first?.value ?? 0
        index += 1
        if (0x40...0x7E).contains(value) { return index }
      }
      return index
    case "]":  // OSC, such as a hyperlink: up to BEL or ESC \
      while index < characters.count {
        if characters[index] == "\u{07}" { return index + 1 }
        if characters[index] == "\u{1B}", index + 1 < characters.count,
          characters[index + 1] == "\\"
        {
          return index + 2
        }
        index += 1
      }
      return index
    default:
      return start + 2
    }
  }

  /// The columns one character (grapheme cluster) takes.
  ///
  /// - Parameter character: The character.
  /// - Returns: 0, 1 or 2.
  public static func of(_ character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    if character.unicodeScalars.contains("\u{FE0F}") { return 2 }  // emoji presentation
    return of(first)
  }

  /// The columns one Unicode scalar takes on its own.
  ///
  /// - Parameter scalar: The scalar.
  /// - Returns: 0 for combining and zero-width scalars, 2 for wide ones, otherwise 1.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    if value == 0x200B { return 0 }
    return isWide(value) ? 2 : 1
  }

  /// Whether a code point is East Asian Wide or Fullwidth (Unicode UAX #11), by its blocks.
  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F,  // Hangul Jamo initials
      0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
      0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
      0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
      0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
      0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
      0x2B50, 0x2B55,
      0x2E80...0x303E,  // CJK radicals, Kangxi, CJK symbols and punctuation
      0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
      0x3400...0x4DBF,  // CJK Extension A
      0x4E00...0x9FFF,  // CJK Unified Ideographs
      0xA000...0xA4CF,  // Yi
      0xA960...0xA97F,  // Hangul Jamo Extended-A
      0xAC00...0xD7A3,  // Hangul syllables
      0xF900...0xFAFF,  // CJK Compatibility Ideographs
      0xFE10...0xFE19,  // vertical forms
      0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
      0xFF00...0xFF60,  // full-width forms
      0xFFE0...0xFFE6,  // full-width signs
      0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF,  // emoji
      0x20000...0x3FFFD:  // CJK Extensions B and later
      return true
    default:
      return false
    }
  }
}
