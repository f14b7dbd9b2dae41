// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets over every entry point of Parley that takes host bytes. Build and run
// them with scripts/fuzz.sh, which builds with `--sanitize fuzzer --sanitize address` (so
// ParleyCore is instrumented too) and links `.build/parley-root` to the repository root: a
// path dependency named after its directory, so its identity never collides with this
// package's own ("fuzz") whatever the checkout's directory is called.
let core: Target.Dependency = .product(name: "ParleyCore", package: "parley-root")

let package = Package(
    name: "ParleyFuzz",
    dependencies: [.package(path: ".build/parley-root")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [core]),
        .executableTarget(name: "FuzzJSON", dependencies: [core, "FuzzSupport"]),
        .executableTarget(name: "FuzzMessage", dependencies: [core, "FuzzSupport"]),
        .executableTarget(name: "FuzzWebhook", dependencies: [core, "FuzzSupport"]),
        .executableTarget(name: "FuzzConfig", dependencies: [core, "FuzzSupport"]),
        .executableTarget(name: "FuzzIntentData", dependencies: [core, "FuzzSupport"]),
        .executableTarget(name: "FuzzIntentModel", dependencies: [core, "FuzzSupport"]),
        .executableTarget(name: "FuzzMedia", dependencies: [core, "FuzzSupport"]),
        .executableTarget(name: "FuzzHostCalls", dependencies: [core, "FuzzSupport"]),
        .executableTarget(name: "FuzzExport", dependencies: [core, "FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
