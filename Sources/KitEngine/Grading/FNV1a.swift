/// The 64-bit FNV-1a hash, mixed eight bytes at a time so that a debug build stays fast: the
/// kit's one hash of file contents and fingerprints (not for security, only to notice change).
struct FNV1a {
  /// The hash so far.
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Mixes bytes in, then their count (so that `ab` + `c` and `a` + `bc` differ).
  ///
  /// - Parameter raw: The bytes.
  /// - Complexity: O(*n*) in the number of bytes.
  mutating func mix(_ raw: UnsafeRawBufferPointer) {
    var hash = value
    var offset = 0
    while offset + 8 <= raw.count {
      hash ^= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      hash = hash &* 0x0000_0100_0000_01b3
      offset += 8
    }
    while offset < raw.count {
      hash ^= UInt64(raw[offset])
      hash = hash &* 0x0000_0100_0000_01b3
      offset += 1
    }
    hash ^= UInt64(raw.count)
    value = hash &* 0x0000_0100_0000_01b3
  }

  /// Mixes a string's UTF-8 bytes in.
  ///
  /// - Parameter text: The string.
  mutating func mix(_ text: String) {
    var text = text
    text.withUTF8 { mix(UnsafeRawBufferPointer($0)) }
  }

  /// Mixes a 64-bit word in.
  ///
  /// - Parameter word: The word.
  mutating func mix(_ word: UInt64) {
    withUnsafeBytes(of: word.littleEndian) { mix($0) }
  }

  /// The hash as sixteen hexadecimal digits (fewer when it starts with zeros).
  var hex: String { String(value, radix: 16) }
}
