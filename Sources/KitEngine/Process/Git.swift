/// The few git questions the kit asks, to restore an exercise's pristine files.
public struct Git: Sendable {
  /// The folder to run git in (the package root).
  public var root: String

  /// What runs `git`.
  public var runner: any CommandRunning

  /// Creates a git helper.
  ///
  /// - Parameters:
  ///   - root: The folder to run git in.
  ///   - runner: What runs `git`.
  public init(root: String, runner: any CommandRunning) {
    self.root = root
    self.runner = runner
  }

  /// The commit that holds the pristine copy of a folder: the upstream branch when there is one
  /// and it has the folder, else `HEAD`.
  ///
  /// The upstream comes first because a learner may have committed their own work on top.
  ///
  /// - Parameter folder: A folder relative to the root, such as `Exercises/01-WeightPruning`.
  /// - Returns: A revision name such as `origin/main` or `HEAD`.
  /// - Throws: `KitError.gitUnavailable` when this is not a git checkout or no commit has the
  ///   folder.
  public func pristineRevision(of folder: String) throws(KitError) -> String {
    var candidates: [String] = []
    let upstream = try git(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"])
    if upstream.succeeded, let name = upstream.standardOutput.split(separator: "\n").first {
      candidates.append(String(name))
    }
    candidates.append("HEAD")
    for revision in candidates {
      if try !trackedFiles(in: folder, at: revision).isEmpty { return revision }
    }
    let inside = try git(["rev-parse", "--is-inside-work-tree"])
    guard inside.succeeded else { throw .gitUnavailable("\(root) is not a git checkout") }
    throw .gitUnavailable("no commit holds \(folder)")
  }

  /// The files git tracks under a folder at a revision, relative to the root.
  ///
  /// - Parameters:
  ///   - folder: A folder relative to the root.
  ///   - revision: A revision name.
  /// - Returns: The paths, sorted; empty when the revision lacks the folder.
  /// - Throws: `KitError.launchFailed` when git cannot be started.
  public func trackedFiles(in folder: String, at revision: String) throws(KitError) -> [String] {
    let result = try git(["ls-tree", "-r", "--name-only", revision, "--", folder + "/"])
    guard result.succeeded else { return [] }
    return result.standardOutput.split(separator: "\n").map(String.init).sorted()
  }

  /// A file's contents at a revision.
  ///
  /// - Parameters:
  ///   - path: A path relative to the root.
  ///   - revision: A revision name.
  /// - Returns: The committed contents.
  /// - Throws: `KitError.gitUnavailable` when the revision lacks the file.
  public func contents(of path: String, at revision: String) throws(KitError) -> String {
    let result = try git(["show", "\(revision):\(path)"])
    guard result.succeeded else {
      throw .gitUnavailable(
        result.standardError.split(separator: "\n").first.map(String.init) ?? "git show failed")
    }
    return result.standardOutput
  }

  /// The paths under a folder that differ from `HEAD` or are untracked.
  ///
  /// - Parameter folder: A folder relative to the root.
  /// - Returns: The `git status --porcelain` lines; empty when clean or not a checkout.
  /// - Throws: `KitError.launchFailed` when git cannot be started.
  public func changes(in folder: String) throws(KitError) -> [String] {
    let result = try git(["status", "--porcelain", "--untracked-files=all", "--", folder])
    guard result.succeeded else { return [] }
    return result.standardOutput.split(separator: "\n").map(String.init)
  }

  private func git(_ arguments: [String]) throws(KitError) -> CommandResult {
    try runner.run(
      ShellCommand("git", arguments, in: root, environment: ["GIT_PAGER": "cat"], timeout: 60))
  }
}
