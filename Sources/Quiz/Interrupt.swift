#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C handling: print a short message and exit with status 130.
///
/// Progress is written atomically after every answer, so exiting at once never leaves a
/// half-written file. The handler only calls `write` and `_exit`, which are safe in a signal
/// handler; the message is prepared as a C string beforehand.
enum Interrupt {
  /// The message's bytes, allocated once and never freed.
  nonisolated(unsafe) private static var bytes: UnsafeMutablePointer<CChar>?
  nonisolated(unsafe) private static var length = 0

  /// Installs the SIGINT handler, and unblocks SIGINT in case the parent process started the
  /// quiz with it blocked (a blocked mask is inherited across `exec`).
  ///
  /// - Parameter message: What to print to standard error on Ctrl-C.
  static func install(message: String) {
    bytes = strdup(message)
    length = message.utf8.count
    var interrupt = sigset_t()
    sigemptyset(&interrupt)
    sigaddset(&interrupt, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    signal(SIGINT) { _ in
      if let bytes = Interrupt.bytes {
        _ = write(STDERR_FILENO, bytes, Interrupt.length)
      }
      _exit(130)
    }
  }
}
