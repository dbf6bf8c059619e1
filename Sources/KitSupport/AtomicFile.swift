import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so a reader sees either the old contents or the new, never a mixture: the data
/// goes to a temporary file in the same folder, is flushed to disk, and is renamed over the
/// target. An interrupted write (Ctrl-C, a crash, a full disk) leaves the target untouched, and
/// the temporary file is created exclusively, so no file already there is ever overwritten.
public enum AtomicFile {
  /// Writes data to a file atomically.
  ///
  /// - Parameters:
  ///   - data: The new contents.
  ///   - url: The file to replace or create; its folder must exist.
  /// - Throws: `AtomicFile.Failure` naming the step that failed and the system's reason.
  public static func write(_ data: Data, to url: URL) throws(Failure) {
    let folder = url.deletingLastPathComponent().path
    let temporary = "\(folder)/.\(url.lastPathComponent).\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard descriptor >= 0 else { throw Failure(reason: systemError()) }
    var failure: Failure?
    if !data.withUnsafeBytes({ systemWriteAll($0, to: descriptor) }) {
      failure = Failure(reason: systemError())
    }
    if failure == nil, fsync(descriptor) != 0 { failure = Failure(reason: systemError()) }
    close(descriptor)
    if failure == nil, rename(temporary, url.path) != 0 { failure = Failure(reason: systemError()) }
    if let failure {
      unlink(temporary)
      throw failure
    }
  }

  /// Why a write failed.
  public struct Failure: Error, Hashable, Sendable {
    /// The system's description of the error, e.g. "Permission denied".
    public var reason: String

    /// Creates a failure.
    ///
    /// - Parameter reason: The system's description of the error.
    public init(reason: String) {
      self.reason = reason
    }
  }

  /// The description of the current `errno`.
  public static func systemError() -> String {
    String(cString: strerror(errno))
  }
}

/// `write(2)`, named apart from the enclosing function.
func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
  #elseif canImport(Darwin)
    Darwin.write(descriptor, bytes, count)
  #endif
}

/// Writes a whole buffer to a file descriptor, calling `write(2)` again after a partial write
/// or an interrupted one (`EINTR`).
///
/// - Parameters:
///   - buffer: The bytes to write.
///   - descriptor: An open file descriptor.
/// - Returns: `true` when every byte was written; `false` on another error, with `errno` set
///   (the bytes before it may have been written).
/// - Complexity: O(*n*) in the number of bytes.
func systemWriteAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
  var offset = 0
  while offset < buffer.count, let base = buffer.baseAddress {
    let written = systemWrite(descriptor, base + offset, buffer.count - offset)
    if written < 0 {
      if errno == EINTR { continue }
      return false
    }
    offset += written
  }
  return true
}
