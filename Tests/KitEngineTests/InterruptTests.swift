import Foundation
import KitEngine
import Testing

/// The built `kit` executable: next to the test bundle in the build products folder.
func kitExecutable() throws -> String {
  var folders: [URL] = []
  for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
    folders.append(bundle.bundleURL.deletingLastPathComponent())
  }
  folders.append(Bundle.main.bundleURL)
  folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
  for folder in folders {
    let candidate = folder.appendingPathComponent("kit").path
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
  }
  throw KitExecutableNotFound(searched: folders.map(\.path))
}

struct KitExecutableNotFound: Error, CustomStringConvertible {
  let searched: [String]
  var description: String {
    "the kit executable was not found (build it with `swift build --build-tests`); searched: "
      + searched.joined(separator: ", ")
  }
}

@Suite("Ctrl-C during kit", .serialized)
struct InterruptTests {
  /// A `swift` stand-in: `swift package dump-package` prints the MiniKit description; any
  /// other command (the build) starts a child in a session of its own and one in its own group,
  /// writes every process ID, then loops for ever.
  static let fakeSwift = """
    #!/bin/sh
    if [ "$1" = package ]; then cat "$KIT_FAKE_DUMP"; exit 0; fi
    setsid sh -c 'while :; do sleep 0.05; done' & echo $! >> "$KIT_FAKE_PIDS"
    sh -c 'while :; do sleep 0.05; done' & echo $! >> "$KIT_FAKE_PIDS"
    echo $$ >> "$KIT_FAKE_PIDS"
    echo ready > "$KIT_FAKE_READY"
    while :; do sleep 0.05; done
    """

  @Test("SIGINT while swift runs stops it and all it started, and the kit exits 130")
  func interruptStopsEverything() throws {
    let workspace = try MiniKitWorkspace("interrupt")
    defer { workspace.remove() }
    let folder = (workspace.root as NSString).deletingLastPathComponent
    let bin = folder + "/bin"
    try write(Self.fakeSwift, to: bin + "/swift")
    chmod(bin + "/swift", 0o755)
    let pids = folder + "/pids"
    let ready = folder + "/ready"

    let kit = Process()
    kit.executableURL = URL(fileURLWithPath: try kitExecutable())
    kit.arguments = ["status", "--package-path", workspace.root]
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["XDG_STATE_HOME"] = workspace.state
    environment["KIT_FAKE_DUMP"] = Fixtures.folder + "/Recorded/MiniKit-dump.json"
    environment["KIT_FAKE_PIDS"] = pids
    environment["KIT_FAKE_READY"] = ready
    kit.environment = environment
    kit.standardInput = FileHandle.nullDevice
    let errors = Pipe()
    kit.standardOutput = FileHandle.nullDevice
    kit.standardError = errors
    try kit.run()
    defer { if kit.isRunning { kill(kit.processIdentifier, SIGKILL) } }

    let deadline = Date().addingTimeInterval(30)
    while !FileManager.default.fileExists(atPath: ready) && Date() < deadline && kit.isRunning {
      usleep(20_000)
    }
    try #require(FileManager.default.fileExists(atPath: ready), "the fake build never started")
    let started = try processIDs(in: pids)
    #expect(started.count == 3)

    kill(kit.processIdentifier, SIGINT)
    let exitDeadline = Date().addingTimeInterval(15)
    while kit.isRunning && Date() < exitDeadline { usleep(20_000) }
    try #require(!kit.isRunning, "the kit did not exit within 15 s of SIGINT")
    let message = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(kit.terminationReason == .exit)
    #expect(kit.terminationStatus == 130)
    #expect(message.contains("interrupted"))
    let survivors = waitForExit(started, seconds: 5)
    #expect(survivors.isEmpty, "still running after the kit exited: \(survivors)")
    for pid in survivors { kill(pid, SIGKILL) }
  }
}
