// swift-tools-version: 6.2
// MiniKit: a tiny exercise kit with the same exercise/solution switch as PruningKit, used by
// KitEngineTests to grade one exercise per outcome.
//
//   swift test                      grades Exercises/
//   KIT_SOLUTIONS=1 swift test      grades Solutions/
//   KIT_ONLY=Passing,...            builds only the named exercises (none: `KIT_ONLY=none`)
import PackageDescription

/// The exercises in curriculum order: the folder number and the module name.
let exercises: [(number: String, name: String)] = [
  ("01", "Passing"),
  ("02", "Failing"),
  ("03", "Crashing"),
  ("04", "Hanging"),
  ("05", "Broken"),
  ("06", "Untouched"),
]

let useSolutions = Context.environment["KIT_SOLUTIONS"] == "1"
let exerciseRoot = useSolutions ? "Solutions" : "Exercises"
let only: Set<String>? = Context.environment["KIT_ONLY"].map {
  Set($0.split(separator: ",").map { String($0.filter { $0 != " " }) })
}
let selected = exercises.filter { only?.contains($0.name) ?? true }

let exerciseTargets: [Target] = selected.flatMap { exercise -> [Target] in
  [
    .target(
      name: exercise.name,
      dependencies: ["MiniCore"],
      path: "\(exerciseRoot)/\(exercise.number)-\(exercise.name)",
      exclude: useSolutions ? [] : ["README.md", "HINTS.md"]
    ),
    .testTarget(
      name: "\(exercise.name)Tests",
      dependencies: [.target(name: exercise.name), "MiniCore"]
    ),
  ]
}

let package = Package(
  name: "MiniKit",
  targets: [
    .target(name: "MiniCore"),
    .testTarget(name: "MiniCoreTests", dependencies: ["MiniCore"]),
  ] + exerciseTargets,
  swiftLanguageModes: [.v6]
)
