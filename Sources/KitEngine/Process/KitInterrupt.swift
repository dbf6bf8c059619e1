#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM for the `kit` executable: nothing the kit started outlives it.
///
/// While no child runs, the signal ends the kit at once with status 130 (after restoring the
/// terminal mode, when ``KitInterrupt/saveTerminal()`` was called). While a child runs, the
/// signal is only recorded: ``ProcessRunner`` sees it, stops the child's process group and
/// everything started from it, waits for them, and throws `KitError.interrupted`, after which
/// ``KitApp`` returns 130. The handler calls only `write`, `tcsetattr` and `_exit`, which are
/// safe in a signal handler.
public enum KitInterrupt {
  nonisolated(unsafe) private static var requested: sig_atomic_t = 0
  nonisolated(unsafe) private static var running: sig_atomic_t = 0
  nonisolated(unsafe) private static var hasTerminal: sig_atomic_t = 0
  nonisolated(unsafe) private static var terminal = termios()

  /// The exit status after an interrupt: 128 + SIGINT, as shells report it.
  public static let exitStatus: Int32 = 130

  /// Installs the handler for SIGINT and SIGTERM, and unblocks both in case the kit was
  /// started with them blocked.
  public static func install() {
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGINT)
    sigaddset(&signals, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    for number in [SIGINT, SIGTERM] {
      signal(number) { _ in
        if KitInterrupt.running > 0 {
          KitInterrupt.requested = 1
          return
        }
        if KitInterrupt.hasTerminal != 0 {
          tcsetattr(STDIN_FILENO, TCSANOW, &KitInterrupt.terminal)
        }
        _ = write(STDERR_FILENO, "\n", 1)
        _exit(KitInterrupt.exitStatus)
      }
    }
  }

  /// Whether an interrupt arrived while a child ran.
  public static var wasRequested: Bool { requested != 0 }

  /// Remembers the terminal's mode, so an interrupt restores it before the kit exits.
  public static func saveTerminal() {
    var mode = termios()
    guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return }
    terminal = mode
    hasTerminal = 1
  }

  /// Forgets the saved terminal mode (it has been restored).
  public static func forgetTerminal() {
    hasTerminal = 0
  }

  /// Marks a child as running: until ``childEnded()``, an interrupt is recorded, not acted on.
  static func childStarts() {
    running += 1
  }

  /// Marks the child as ended.
  static func childEnded() {
    running -= 1
  }
}
