import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs programs as child processes, with a time limit enforced by SIGINT and then SIGKILL.
///
/// Output goes to temporary files rather than pipes, so a program that prints a lot never
/// blocks. The child reads from `/dev/null`, leaving the terminal to the kit's own prompts.
/// SIGINT is what SwiftPM forwards to a test process; SIGTERM would leave it running.
public struct ProcessRunner: CommandRunning {
  /// Creates a runner.
  public init() {}

  /// Runs a program to completion (or until its time limit) and returns what it left behind.
  ///
  /// - Parameter command: The program, arguments, folder, environment and time limit.
  /// - Returns: The exit status and the captured output.
  /// - Throws: `KitError.launchFailed` when the program cannot be started, and
  ///   `KitError.fileSystem` when its output cannot be captured.
  public func run(_ command: ShellCommand) throws(KitError) -> CommandResult {
    let fileManager = FileManager.default
    let folder = fileManager.temporaryDirectory
      .appendingPathComponent("pruning-kit-\(getpid())-\(UUID().uuidString)")
    let outputURL = folder.appendingPathComponent("stdout")
    let errorURL = folder.appendingPathComponent("stderr")
    defer { try? fileManager.removeItem(at: folder) }

    let process = Process()
    let finished = DispatchSemaphore(value: 0)
    do {
      try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
      _ = fileManager.createFile(atPath: outputURL.path, contents: nil)
      _ = fileManager.createFile(atPath: errorURL.path, contents: nil)
      let output = try FileHandle(forWritingTo: outputURL)
      let error = try FileHandle(forWritingTo: errorURL)
      defer {
        try? output.close()
        try? error.close()
      }
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [command.program] + command.arguments
      process.currentDirectoryURL = URL(fileURLWithPath: command.workingDirectory)
      var environment = ProcessInfo.processInfo.environment
      for (key, value) in command.environment {
        environment[key] = value
      }
      process.environment = environment
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = output
      process.standardError = error
      process.terminationHandler = { _ in finished.signal() }
      Self.restoreDefaultInterrupt()
      // The child inherits this thread's signal mask; a worker thread may block SIGINT.
      var interrupt = sigset_t()
      var previous = sigset_t()
      sigemptyset(&interrupt)
      sigaddset(&interrupt, SIGINT)
      pthread_sigmask(SIG_UNBLOCK, &interrupt, &previous)
      defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
      try process.run()
    } catch {
      throw .launchFailed(program: command.program, reason: "\(error)")
    }

    var timedOut = false
    if let timeout = command.timeout {
      if finished.wait(timeout: .now() + timeout) == .timedOut {
        timedOut = true
        kill(process.processIdentifier, SIGINT)
        if finished.wait(timeout: .now() + command.grace) == .timedOut {
          kill(process.processIdentifier, SIGKILL)
          finished.wait()
        }
      }
    } else {
      finished.wait()
    }
    process.waitUntilExit()

    let standardOutput = String(
      decoding: (try? Data(contentsOf: outputURL)) ?? Data(), as: UTF8.self)
    let standardError = String(decoding: (try? Data(contentsOf: errorURL)) ?? Data(), as: UTF8.self)
    return CommandResult(
      status: process.terminationStatus,
      wasSignalled: process.terminationReason == .uncaughtSignal,
      timedOut: timedOut,
      standardOutput: standardOutput,
      standardError: standardError
    )
  }

  /// Makes SIGINT end a child again when the kit itself was started with SIGINT ignored.
  ///
  /// A child inherits ignored signals, and the time limit relies on SIGINT ending the child
  /// (SwiftPM installs its own handler and forwards it; other programs take the default).
  /// Only an ignored SIGINT is changed: a handler someone installed is left alone.
  private static func restoreDefaultInterrupt() {
    var action = sigaction()
    guard sigaction(SIGINT, nil, &action) == 0 else { return }
    #if canImport(Glibc)
      let handler = action.__sigaction_handler.sa_handler
    #else
      let handler = action.__sigaction_u.__sa_handler
    #endif
    if unsafeBitCast(handler, to: Int.self) == 1 {
      signal(SIGINT, nil)
    }
  }
}
