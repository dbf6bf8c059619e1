import Foundation
import Synchronization

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs programs as child processes in their own process group, with a time limit, and stops
/// the whole group when the time limit passes or the learner presses Ctrl-C.
///
/// Output goes to temporary files rather than pipes, so a program that prints a lot never
/// blocks. The child reads from `/dev/null`, leaving the terminal to the kit's own prompts.
///
/// Stopping is the same in both cases: SIGINT to the group and to every process started from
/// the child (SwiftPM forwards SIGINT to the test process it started; SIGTERM would leave that
/// running), then SIGTERM and finally SIGKILL after the grace period, and the child is waited
/// for. After a Ctrl-C (see ``KitInterrupt``) the runner throws `KitError.interrupted`, so no
/// further program is started.
public struct ProcessRunner: CommandRunning {
  /// Creates a runner.
  public init() {}

  /// Runs a program to completion (or until its time limit) and returns what it left behind.
  ///
  /// - Parameter command: The program, arguments, folder, environment and time limit.
  /// - Returns: The exit status and the captured output.
  /// - Throws: `KitError.launchFailed` when the program cannot be started,
  ///   `KitError.interrupted` after a Ctrl-C (once the program and everything it started has
  ///   stopped).
  public func run(_ command: ShellCommand) throws(KitError) -> CommandResult {
    if KitInterrupt.wasRequested { throw .interrupted }
    let fileManager = FileManager.default
    let folder = fileManager.temporaryDirectory
      .appendingPathComponent("pruning-kit-\(getpid())-\(UUID().uuidString)")
    let outputPath = folder.appendingPathComponent("stdout").path
    let errorPath = folder.appendingPathComponent("stderr").path
    do {
      try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .launchFailed(program: command.program, reason: "\(error)")
    }
    defer { try? fileManager.removeItem(at: folder) }

    var environment = ProcessInfo.processInfo.environment
    for (key, value) in command.environment {
      environment[key] = value
    }
    // `sh` changes to the folder and then becomes the program, looked up on the child's PATH.
    // It stays where it is when already there, so that `cd` sets neither PWD nor OLDPWD and the
    // environment is the kit's own, to the variable (SwiftPM plans a build again after any
    // change in it).
    let arguments =
      ["sh", "-c", Self.changeFolderAndRun, command.workingDirectory, command.program]
      + command.arguments
    KitInterrupt.childStarts()
    defer { KitInterrupt.childEnded() }
    let pid = try Self.spawn(
      arguments: arguments, environment: environment.map { "\($0.key)=\($0.value)" },
      output: outputPath, error: errorPath, program: command.program)

    let exit = ExitWatch(pid: pid)
    var timedOut = false
    let deadline = command.timeout.map { Date().addingTimeInterval($0) }
    while !exit.wait(seconds: 0.05) {
      if KitInterrupt.wasRequested {
        Self.stop(pid, exit: exit, grace: min(command.grace, 3))
        break
      }
      if let deadline, Date() >= deadline {
        timedOut = true
        Self.stop(pid, exit: exit, grace: command.grace)
        break
      }
    }
    let status = exit.status()
    if KitInterrupt.wasRequested { throw .interrupted }

    let standardOutput = String(
      decoding: fileManager.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
    let standardError = String(
      decoding: fileManager.contents(atPath: errorPath) ?? Data(), as: UTF8.self)
    let signalled = status & 0x7f != 0 && status & 0x7f != 0x7f
    return CommandResult(
      status: signalled ? status & 0x7f : (status >> 8) & 0xff,
      wasSignalled: signalled,
      timedOut: timedOut,
      standardOutput: standardOutput,
      standardError: standardError
    )
  }

  /// The script `sh` runs: `$0` is the folder and the rest the program and its arguments.
  static let changeFolderAndRun = #"[ "$PWD" = "$0" ] || cd -- "$0" || exit; exec "$@""#

  /// Starts the child in a new process group with default signal handling and no signals
  /// blocked, standard input from `/dev/null` and its output to the two files.
  private static func spawn(
    arguments: [String],
    environment: [String],
    output: String,
    error: String,
    program: String
  ) throws(KitError) -> pid_t {
    #if canImport(Glibc)
      var actions = posix_spawn_file_actions_t()
      var attributes = posix_spawnattr_t()
    #else
      var actions: posix_spawn_file_actions_t?
      var attributes: posix_spawnattr_t?
    #endif
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
      posix_spawn_file_actions_destroy(&actions)
      posix_spawnattr_destroy(&attributes)
    }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, error, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGQUIT, SIGPIPE, SIGHUP] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setpgroup(&attributes, 0)
    let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
    posix_spawnattr_setflags(&attributes, Int16(flags))

    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
    guard result == 0 else {
      throw .launchFailed(program: program, reason: String(cString: strerror(result)))
    }
    return pid
  }

  /// Stops a child and everything it started: SIGINT, then SIGTERM, then SIGKILL, each to the
  /// child's process group and to every descendant found, a grace period apart.
  private static func stop(_ pid: pid_t, exit: ExitWatch, grace: Double) {
    let steps = [SIGINT, SIGTERM, SIGKILL]
    for (index, signal) in steps.enumerated() {
      let family = descendants(of: pid)
      kill(-pid, signal)
      for member in family { kill(member, signal) }
      if index == steps.count - 1 {
        _ = exit.wait(seconds: .infinity)
      } else if exit.wait(seconds: grace / 2) {
        // The child is gone; its descendants may still be stopping.
        kill(-pid, SIGKILL)
        for member in descendants(of: pid, including: family) where alive(member) {
          kill(member, SIGKILL)
        }
        return
      }
    }
    for member in descendants(of: pid) { kill(member, SIGKILL) }
  }

  /// Whether a process exists (and is not a zombie waiting to be reaped by someone else).
  private static func alive(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0
  }

  /// The processes started, directly or not, by a process: read from `/proc` on Linux (a
  /// process started in a group of its own is still found); empty elsewhere, where the group
  /// is what is signalled.
  ///
  /// - Parameters:
  ///   - pid: The ancestor.
  ///   - known: Processes already known to descend from it (kept when their parent has gone).
  /// - Returns: The descendants' process IDs.
  static func descendants(of pid: pid_t, including known: [pid_t] = []) -> [pid_t] {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else {
      return known
    }
    var parents: [pid_t: pid_t] = [:]
    for entry in entries {
      guard let child = pid_t(entry),
        let stat = FileManager.default.contents(atPath: "/proc/\(entry)/stat")
      else { continue }
      // `pid (name) state ppid …`: the name may hold spaces, so read after the last ')'.
      let text = String(decoding: stat, as: UTF8.self)
      guard let close = text.lastIndex(of: ")") else { continue }
      let fields = text[text.index(after: close)...].split(separator: " ")
      if fields.count > 1, let parent = pid_t(fields[1]) { parents[child] = parent }
    }
    var found = Set(known.filter { parents[$0] != nil })
    var frontier = [pid] + Array(found)
    while let next = frontier.popLast() {
      for (child, parent) in parents where parent == next && !found.contains(child) {
        found.insert(child)
        frontier.append(child)
      }
    }
    found.remove(pid)
    return Array(found)
  }
}

/// Waits for one child on a thread of its own, so the caller can wait with a time limit.
private final class ExitWatch: Sendable {
  private let finished = DispatchSemaphore(value: 0)
  private let state = Mutex<(done: Bool, status: Int32)>((false, 0))

  init(pid: pid_t) {
    let thread = Thread { [self] in
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
      state.withLock { $0 = (true, status) }
      finished.signal()
    }
    thread.start()
  }

  /// Waits up to a number of seconds; returns whether the child has ended.
  func wait(seconds: Double) -> Bool {
    if state.withLock({ $0.done }) { return true }
    if seconds == .infinity {
      finished.wait()
      finished.signal()
      return true
    }
    if finished.wait(timeout: .now() + seconds) == .success {
      finished.signal()
      return true
    }
    return false
  }

  /// The raw wait status, once the child has ended (waits for it if needed).
  func status() -> Int32 {
    _ = wait(seconds: .infinity)
    return state.withLock { $0.status }
  }
}
