import Foundation
import KitEngine
import Testing

@Suite("Running programs under a time limit")
struct ProcessRunnerTests {
  let runner = ProcessRunner()

  @Test("Standard output, standard error and the exit status are captured")
  func capture() throws {
    let result = try runner.run(
      ShellCommand("sh", ["-c", "echo out; echo err >&2; exit 3"], in: "/"))
    #expect(result.status == 3)
    #expect(!result.wasSignalled && !result.timedOut && !result.succeeded)
    #expect(result.standardOutput == "out\n")
    #expect(result.standardError == "err\n")
  }

  @Test("Variables are set and removed for the child, and it runs in the folder given")
  func environment() throws {
    let result = try runner.run(
      ShellCommand(
        "sh", ["-c", "echo \"$KIT_A|${HOME-unset}|$(pwd)\""], in: "/",
        environment: ["KIT_A": "1", "HOME": nil]))
    #expect(result.standardOutput == "1|unset|/\n")
  }

  @Test("In the folder the kit is in, the child's PWD and OLDPWD are the kit's own")
  func unchangedFolder() throws {
    let here = FileManager.default.currentDirectoryPath
    let result = try runner.run(
      ShellCommand(
        "sh", ["-c", "echo \"$PWD|${OLDPWD-unset}|$(pwd)\""], in: here,
        environment: ["PWD": here, "OLDPWD": "/kit-started-after-cd"]))
    #expect(result.standardOutput == "\(here)|/kit-started-after-cd|\(here)\n")
  }

  @Test("A folder that cannot be entered fails the command without running the program")
  func missingFolder() throws {
    let result = try runner.run(
      ShellCommand("sh", ["-c", "echo ran"], in: "/no/such/folder/for/the/kit"))
    #expect(!result.succeeded)
    #expect(result.standardOutput.isEmpty)
  }

  @Test("A program still running at its time limit is interrupted with SIGINT")
  func interrupt() throws {
    let result = try runner.run(
      ShellCommand("sh", ["-c", "exec sleep 30"], in: "/", timeout: 0.2, grace: 5))
    #expect(result.timedOut)
    #expect(result.wasSignalled && result.status == 2)
  }

  @Test("A program that ignores SIGINT is terminated with SIGTERM after half the grace period")
  func terminate() throws {
    let script = "trap '' INT; while :; do sleep 0.05; done"
    let result = try runner.run(
      ShellCommand("sh", ["-c", script], in: "/", timeout: 0.2, grace: 0.4))
    #expect(result.timedOut)
    #expect(result.wasSignalled && result.status == 15)
  }

  @Test("A program that ignores SIGINT and SIGTERM is killed once the grace period is over")
  func kill() throws {
    let script = "trap '' INT TERM; while :; do sleep 0.05; done"
    let result = try runner.run(
      ShellCommand("sh", ["-c", script], in: "/", timeout: 0.2, grace: 0.4))
    #expect(result.timedOut)
    #expect(result.wasSignalled && result.status == 9)
  }

  @Test("At the time limit, the processes the program started are stopped too")
  func family() throws {
    let folder = try makeTemporaryFolder("family")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let pids = folder + "/pids"
    let script = """
      setsid sh -c 'trap "" INT; while :; do sleep 0.05; done' & echo $! >> \(pids)
      sh -c 'while :; do sleep 0.05; done' & echo $! >> \(pids)
      while :; do sleep 0.05; done
      """
    let result = try runner.run(
      ShellCommand("sh", ["-c", script], in: "/", timeout: 0.5, grace: 0.4))
    #expect(result.timedOut)
    let started = try processIDs(in: pids)
    #expect(started.count == 2)
    let survivors = waitForExit(started, seconds: 5)
    #expect(survivors.isEmpty, "still running: \(survivors)")
    for pid in survivors { Foundation.kill(pid, SIGKILL) }
  }

  @Test("Shell lines quote what needs quoting, for messages")
  func commandLine() {
    let command = ShellCommand(
      "swift", ["test", "--filter", #"^A\."#], in: "/", environment: ["KIT_ONLY": "A", "X": nil])
    #expect(command.commandLine == #"KIT_ONLY=A swift test --filter '^A\.'"#)
    #expect(ShellCommand.quoted("it's") == #"'it'\''s'"#)
  }
}
