import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The exercises of a kit in curriculum order, read from the package manifest.
///
/// The manifest declares the exercise list once; the catalogue takes every regular target whose
/// path starts with `Exercises/` as an exercise, and every other test target as one of the kit's
/// own (non-grading) test targets.
public struct Catalogue: Sendable {
  /// The package root: the folder that holds `Package.swift`.
  public var root: String

  /// The package name, which also names the test bundle (`<name>PackageTests`).
  public var packageName: String

  /// Every exercise the manifest declares, in curriculum order.
  public var exercises: [Exercise]

  /// The test targets that grade no exercise: the kit's own tests.
  public var ownTestTargets: [String]

  /// Every target of the manifest, with its folder and the targets it depends on; empty for a
  /// catalogue made from its parts without them.
  public var targets: [PackageTarget]

  /// Creates a catalogue from its parts.
  ///
  /// - Parameters:
  ///   - root: The package root.
  ///   - packageName: The package name.
  ///   - exercises: The exercises in curriculum order.
  ///   - ownTestTargets: The test targets that grade no exercise.
  ///   - targets: Every target of the manifest; none by default.
  public init(
    root: String,
    packageName: String,
    exercises: [Exercise],
    ownTestTargets: [String],
    targets: [PackageTarget] = []
  ) {
    self.root = root
    self.packageName = packageName
    self.exercises = exercises
    self.ownTestTargets = ownTestTargets
    self.targets = targets
  }

  /// Reads a catalogue from the JSON that `swift package dump-package` prints.
  ///
  /// - Parameters:
  ///   - json: The output of `swift package dump-package`.
  ///   - root: The package root.
  /// - Throws: `KitError.invalidPackageDescription` when the JSON is not a package.
  /// - Complexity: O(*t*) for *t* targets.
  public init(dumpPackageJSON json: String, root: String) throws(KitError) {
    let dump: PackageDump
    do {
      dump = try JSONDecoder().decode(PackageDump.self, from: Data(json.utf8))
    } catch {
      throw .invalidPackageDescription("\(error)")
    }
    var exercises: [Exercise] = []
    for target in dump.targets where target.type == "regular" {
      guard let path = target.path, path.hasPrefix("Exercises/") else { continue }
      let folder = path.split(separator: "/").last.map(String.init) ?? ""
      let number = String(folder.prefix { $0.isNumber })
      let tests = dump.targets.first { $0.name == "\(target.name)Tests" && $0.type == "test" }
      exercises.append(
        Exercise(
          number: number.isEmpty ? String(exercises.count + 1) : number,
          name: target.name,
          exercisePath: path,
          testsPath: tests?.path
        )
      )
    }
    let grading = Set(exercises.map(\.testTarget))
    self.init(
      root: root,
      packageName: dump.name,
      exercises: exercises,
      ownTestTargets: dump.targets.filter { $0.type == "test" && !grading.contains($0.name) }
        .map(\.name),
      targets: dump.targets.map { target in
        PackageTarget(
          name: target.name, isTest: target.type == "test", path: target.path,
          dependencies: (target.dependencies ?? []).compactMap(\.targetName))
      }
    )
  }

  /// Reads the catalogue of the package at `root` by running `swift package dump-package`.
  ///
  /// `KIT_ONLY` and `KIT_SOLUTIONS` are removed for the call, so every exercise is listed
  /// whatever the user's shell has set.
  ///
  /// - Parameters:
  ///   - root: The package root.
  ///   - runner: What runs `swift`.
  /// - Returns: The catalogue.
  /// - Throws: `KitError.invalidPackageDescription` when the manifest cannot be read.
  public static func load(root: String, runner: any CommandRunning) throws(KitError) -> Catalogue {
    try Catalogue(dumpPackageJSON: packageDescription(root: root, runner: runner), root: root)
  }

  /// Runs `swift package dump-package` for the package at `root` (without `KIT_ONLY` and
  /// `KIT_SOLUTIONS`, with `KIT_MAINTAINER=1` so the kit's own test targets are listed) and
  /// returns what it printed.
  ///
  /// - Parameters:
  ///   - root: The package root.
  ///   - runner: What runs `swift`.
  /// - Returns: The package description as JSON.
  /// - Throws: `KitError.invalidPackageDescription` when the manifest cannot be read.
  public static func packageDescription(
    root: String,
    runner: any CommandRunning
  ) throws(KitError) -> String {
    let command = ShellCommand(
      "swift", ["package", "dump-package"], in: root,
      environment: ["KIT_ONLY": nil, "KIT_SOLUTIONS": nil, "KIT_MAINTAINER": "1"],
      timeout: 300
    )
    let result = try runner.run(command)
    guard result.succeeded else {
      let message = result.combinedOutput.split(separator: "\n")
        .first { $0.contains("error:") }.map(String.init)
      throw .invalidPackageDescription(message ?? "swift package dump-package failed")
    }
    return result.standardOutput
  }

  /// The test bundle product that holds every test target.
  public var testProduct: String { "\(packageName)PackageTests" }

  /// The absolute path of a path relative to the package root.
  ///
  /// - Parameter relativePath: A path relative to the root.
  /// - Returns: The absolute path.
  public func absolute(_ relativePath: String) -> String {
    (root as NSString).appendingPathComponent(relativePath)
  }

  /// The path relative to the package root, or the path itself when it lies outside.
  ///
  /// - Parameter path: An absolute path.
  /// - Returns: The path without the root prefix.
  public func relative(_ path: String) -> String {
    let prefix = root.hasSuffix("/") ? root : root + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }

  /// Whether an exercise can be graded: its folder holds Swift files and its tests exist.
  ///
  /// - Parameter exercise: An exercise of this catalogue.
  /// - Returns: `true` when both folders hold at least one `.swift` file.
  public func isAvailable(_ exercise: Exercise) -> Bool {
    !swiftFiles(in: exercise.exercisePath).isEmpty && !swiftFiles(in: exercise.testsPath).isEmpty
  }

  /// The number of checks an exercise's tests declare: its `@Test` functions, counted in the
  /// source of its test folder.
  ///
  /// This is the denominator the board uses whatever happened to the run (a crash, a time-out,
  /// a compile error), so the total never shrinks. A run that lists more tests (a test declared
  /// in a way the count misses) wins over it.
  ///
  /// - Parameter exercise: An exercise of this catalogue.
  /// - Returns: The number of lines that start with `@Test`; 0 when the tests do not exist.
  /// - Complexity: O(*n*) in the size of the test sources.
  public func declaredCheckCount(of exercise: Exercise) -> Int {
    swiftFiles(in: exercise.testsPath).reduce(0) { total, path in
      let text = (try? String(contentsOfFile: absolute(path), encoding: .utf8)) ?? ""
      return total
        + text.split(whereSeparator: \.isNewline).count { line in
          let trimmed = line.drop { $0 == " " || $0 == "\t" }
          return trimmed.hasPrefix("@Test")
            && trimmed.dropFirst(5).first.map { !$0.isLetter && !$0.isNumber } ?? true
        }
    }
  }

  /// The exercises that can be graded, in curriculum order.
  public var availableExercises: [Exercise] { exercises.filter(isAvailable) }

  /// The `.swift` files under a folder, relative to the package root, sorted.
  ///
  /// - Parameter folder: A folder relative to the package root.
  /// - Returns: The Swift files in it and its subfolders; empty when it does not exist.
  public func swiftFiles(in folder: String) -> [String] {
    files(in: folder).filter { $0.hasSuffix(".swift") }
  }

  /// The regular files under a folder, relative to the package root, sorted.
  ///
  /// - Parameter folder: A folder relative to the package root.
  /// - Returns: The files in it and its subfolders; empty when it does not exist.
  public func files(in folder: String) -> [String] {
    Self.files(in: folder, root: root)
  }

  /// The regular files under a folder of a package, relative to the package root, sorted.
  ///
  /// A symbolic link to a file counts as a file; a link to a folder is not followed.
  ///
  /// - Parameters:
  ///   - folder: A folder relative to the package root.
  ///   - root: The package root.
  /// - Returns: The files in it and its subfolders; empty when it does not exist.
  /// - Complexity: One `readdir` pass per folder, and a `stat` only for a link or an entry whose
  ///   kind the file system does not report.
  public static func files(in folder: String, root: String) -> [String] {
    var result: [String] = []
    var pending = [folder]
    while let relative = pending.popLast() {
      guard let directory = opendir(root + "/" + relative) else { continue }
      defer { closedir(directory) }
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          raw.bindMemory(to: CChar.self).baseAddress.map { String(cString: $0) } ?? ""
        }
        if name.isEmpty || name == "." || name == ".." { continue }
        let path = relative + "/" + name
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_REG):
          result.append(path)
        case Int32(DT_DIR):
          pending.append(path)
        default:
          var info = stat()
          guard lstat(root + "/" + path, &info) == 0 else { continue }
          if info.st_mode & S_IFMT == S_IFDIR {
            pending.append(path)
          } else if case .file = FileStamp.kind(of: root + "/" + path) {
            result.append(path)
          }
        }
      }
    }
    return result.sorted()
  }
}

/// The part of `swift package dump-package`'s output the catalogue reads.
private struct PackageDump: Decodable {
  struct Target: Decodable {
    var name: String
    var type: String
    var path: String?
    var dependencies: [Dependency]?
  }

  /// One dependency: `{"byName": ["Name", null]}`, `{"target": ["Name", null]}` or
  /// `{"product": ["Name", "package", …]}`; the first two name a target of the package.
  struct Dependency: Decodable {
    var byName: [String?]?
    var target: [String?]?

    var targetName: String? { ((byName ?? target)?.first).flatMap { $0 } }
  }

  var name: String
  var targets: [Target]
}
