// swift-tools-version: 6.2
// PruningKit: an exercise kit on neural-network pruning and sparsity.
//
// The exercise/solution switch lives here:
//   swift test                      grades the learner's files in Exercises/
//   KIT_SOLUTIONS=1 swift test      runs the same tests on the reference in Solutions/
//   KIT_ONLY=WeightPruning,...      builds only the named exercises (none: `KIT_ONLY=none`)
//   KIT_MAINTAINER=1                adds the kit's own suites (KitEngine, KitSupport, BenchKit)
//                                   to a plain `swift test`; KIT_SOLUTIONS=1 has them unless
//                                   KIT_MAINTAINER=0, which leaves the grading suites alone
// Tools (`kit`, CI) read the exercise list from `swift package dump-package`.
import PackageDescription

/// The exercises in curriculum order: the folder number and the module name.
///
/// Adding an exercise is one line here plus its folders
/// `Exercises/NN-Name`, `Solutions/NN-Name` and `Tests/NameTests`.
let exercises: [(number: String, name: String)] = [
  ("01", "WeightPruning"),
  ("02", "StructuralPruning"),
  ("03", "PruningMetrics"),
  ("04", "SparseFormats"),
  ("05", "BlockSparsity"),
  ("06", "WeightSharing"),
  ("07", "DynamicPruning"),
  ("08", "OneShotPruning"),
  ("09", "TransformerPruning"),
  ("10", "PruningAtInit"),
]

/// The shared library, the tests' oracles and the seeded generator they draw from (KitSupport)
/// are compiled with optimisation in debug builds too: nobody steps through them, and the
/// grading suites' large cases and the training runs of exercises 07–10 spend most of their
/// time there. The exercises stay unoptimised, so a trap
/// in the learner's code still names its line.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

/// On Linux every product links with lld, which ships with the Swift toolchain, instead of the
/// system's default (gold): lld links the test bundle that `kit watch` relinks after each save
/// in less time (`Scripts/measure-link` compares the two).
let fastLinker: [LinkerSetting] = [.unsafeFlags(["-use-ld=lld"], .when(platforms: [.linux]))]

let useSolutions = Context.environment["KIT_SOLUTIONS"] == "1"
let exerciseRoot = useSolutions ? "Solutions" : "Exercises"
let only: Set<String>? = Context.environment["KIT_ONLY"].map {
  Set($0.split(separator: ",").map { String($0.filter { $0 != " " }) })
}
/// Whether the maintainer suites (the kit's engine, with its fixture end-to-end tests, and the
/// benchmark harness) are in the graph: with the reference unless `KIT_MAINTAINER=0`, and
/// when asked for; a learner's plain `swift test` runs only the
/// exercises and the shared library.
let maintainerSetting = Context.environment["KIT_MAINTAINER"]
let includesMaintainerSuites =
  maintainerSetting == "1" || (useSolutions && maintainerSetting != "0")
let maintainerTestTargets: [Target] =
  includesMaintainerSuites
  ? [
    .testTarget(
      name: "KitEngineTests", dependencies: ["KitEngine", "KitSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "KitSupportTests", dependencies: ["KitSupport"]),
    .testTarget(name: "BenchKitTests", dependencies: ["BenchKit"]),
  ] : []
let selected = exercises.filter { only?.contains($0.name) ?? true }
let selectedNames = selected.map { Target.Dependency.target(name: $0.name) }
/// The exercises whose stories `capstone` tells, as far as the graph holds them.
let capstoneExercises = selected.filter {
  [
    "PruningMetrics", "DynamicPruning", "OneShotPruning", "TransformerPruning", "PruningAtInit",
  ].contains($0.name)
}

let exerciseTargets: [Target] = selected.flatMap { exercise -> [Target] in
  [
    .target(
      name: exercise.name,
      dependencies: ["PruningCore"],
      path: "\(exerciseRoot)/\(exercise.number)-\(exercise.name)",
      exclude: useSolutions ? [] : ["README.md", "HINTS.md"]
    ),
    .testTarget(
      name: "\(exercise.name)Tests",
      dependencies: [.target(name: exercise.name), "PruningCore", "PruningTestSupport"]
    ),
  ]
}

let package = Package(
  name: "PruningKit",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "quiz", targets: ["Quiz"]),
    .executable(name: "kit", targets: ["Kit"]),
    .executable(name: "bench", targets: ["Bench"]),
    .executable(name: "capstone", targets: ["Capstone"]),
    .library(name: "PruningCore", targets: ["PruningCore"]),
  ],
  targets: [
    // The terminal, text styles, state folder, atomic writes and seeded generator that the
    // tools and the shared library use, one copy of each.
    .target(name: "KitSupport", swiftSettings: optimizedInDebug, linkerSettings: fastLinker),
    .target(
      name: "PruningCore", dependencies: ["KitSupport"], resources: [.copy("Resources")],
      swiftSettings: optimizedInDebug),
    .target(
      name: "PruningTestSupport",
      dependencies: ["PruningCore"],
      path: "Tests/PruningTestSupport",
      swiftSettings: optimizedInDebug
    ),
    .testTarget(name: "PruningCoreTests", dependencies: ["PruningCore", "PruningTestSupport"]),

    .target(name: "QuizEngine", dependencies: ["KitSupport"], resources: [.copy("Resources")]),
    .executableTarget(name: "Quiz", dependencies: ["KitSupport", "QuizEngine"]),
    .testTarget(name: "QuizEngineTests", dependencies: ["KitSupport", "QuizEngine"]),

    .target(name: "KitEngine", dependencies: ["KitSupport", "QuizEngine"]),
    .executableTarget(name: "Kit", dependencies: ["KitEngine"]),

    .target(name: "BenchKit"),
    .executableTarget(
      name: "Bench",
      dependencies: ["BenchKit", "PruningCore"] + selectedNames,
      swiftSettings: selected.map { .define("KIT_HAS_\($0.name)") }
    ),

    .executableTarget(
      name: "Capstone",
      dependencies: ["PruningCore"] + capstoneExercises.map { .target(name: $0.name) },
      // `canImport` would see modules left in the build folder by earlier builds; a define
      // says what this graph really links.
      swiftSettings: capstoneExercises.map { .define("KIT_HAS_\($0.name)") }
    ),
  ] + exerciseTargets + maintainerTestTargets,
  swiftLanguageModes: [.v6]
)

// `KIT_MAINTAINER=0` (the mutation run's copy): the grading suites alone, none of the kit's own.
if maintainerSetting == "0" {
  let gradingSuites = Set(exercises.map { "\($0.name)Tests" })
  package.targets.removeAll { $0.type == .test && !gradingSuites.contains($0.name) }
}
