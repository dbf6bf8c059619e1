#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Tells `kit watch` the moment a file in a watched folder is saved, so a save is graded at
/// once rather than at the next poll.
///
/// On Linux this is `inotify`: a file written and closed, or moved, created or deleted in one
/// of the folders (not their subfolders) makes ``descriptor`` readable. Editors that save by
/// writing a new file and renaming it over the old one are covered by the move. Elsewhere, or
/// when `inotify` is not available, ``descriptor`` is `nil` and the watch falls back to looking
/// at the files after every poll interval. Either way the watch compares the files' fingerprints
/// before grading, so an event only says *when* to look.
public final class FileEvents {
  /// A descriptor that becomes readable when a watched folder changes, or `nil` when changes
  /// are not reported (the caller polls instead).
  public private(set) var descriptor: Int32?

  /// Starts watching folders.
  ///
  /// - Parameter folders: Absolute paths of the folders to watch; one that cannot be watched
  ///   (missing, not a folder) is passed over.
  public init(folders: [String]) {
    #if os(Linux)
      let handle = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard handle >= 0 else { return }
      let mask = UInt32(
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ONLYDIR)
      let watched = folders.filter { inotify_add_watch(handle, $0, mask) >= 0 }
      guard !watched.isEmpty else {
        close(handle)
        return
      }
      descriptor = handle
    #endif
  }

  deinit {
    if let descriptor { close(descriptor) }
  }

  /// Reads and drops every event waiting, so the descriptor is quiet until the next change.
  ///
  /// - Returns: Whether there was at least one event.
  @discardableResult
  public func drain() -> Bool {
    guard let descriptor else { return false }
    var buffer = [UInt8](repeating: 0, count: 4096)
    var sawEvent = false
    while read(descriptor, &buffer, buffer.count) > 0 { sawEvent = true }
    return sawEvent
  }

  /// Waits until a watched folder changes or the time runs out, then drains the events.
  ///
  /// - Parameter milliseconds: The longest wait; 0 only looks.
  /// - Returns: Whether a change was reported; always `false` when changes are not reported.
  public func wait(milliseconds: Int32) -> Bool {
    guard let descriptor else { return false }
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    guard poll(&entry, 1, milliseconds) > 0 else { return false }
    return drain()
  }
}
