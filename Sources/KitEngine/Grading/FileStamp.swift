#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `stat` tells of a file without reading it: its size, modification and change times and
/// inode. While all four are the same, the file's contents are taken to be the same.
public struct FileStamp: Codable, Hashable, Sendable {
  /// The size in bytes.
  public var size: Int64

  /// The modification time, in nanoseconds since 1970.
  public var modified: Int64

  /// The status change time (any write, rename or `chmod`), in nanoseconds since 1970.
  public var changed: Int64

  /// The inode number (an editor that saves by renaming a new file over the old changes it).
  public var inode: UInt64

  /// What a path is, as `stat` sees it.
  public enum Kind {
    /// A regular file, with its stamp.
    case file(FileStamp)

    /// A folder.
    case folder

    /// Nothing (or something that is neither, such as a socket).
    case missing
  }

  /// Looks a path up, following symbolic links.
  ///
  /// - Parameter path: An absolute path.
  /// - Returns: A file's stamp, a folder, or missing.
  public static func kind(of path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFDIR:
      return .folder
    case S_IFREG:
      #if canImport(Darwin)
        let modified = info.st_mtimespec
        let changed = info.st_ctimespec
      #else
        let modified = info.st_mtim
        let changed = info.st_ctim
      #endif
      return .file(
        FileStamp(
          size: Int64(info.st_size),
          modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
          changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec),
          inode: UInt64(info.st_ino)))
    default:
      return .missing
    }
  }

  /// Whether the file was last touched early enough before `now` that a later write could not
  /// share its times: only then is the stamp worth remembering. (A write in the same tick of the
  /// file system's clock as the hashing would leave the times as they were; git guards its index
  /// the same way.)
  ///
  /// - Parameter now: The current time, in nanoseconds since 1970.
  /// - Returns: Whether both times are at least two seconds old.
  public func isSettled(now: Int64) -> Bool {
    max(modified, changed) < now - 2_000_000_000
  }
}
