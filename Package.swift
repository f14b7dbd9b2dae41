// swift-tools-version:6.0
import PackageDescription

// The shared library exports exactly the `parley_` entry points of include/parley.h:
// a linker version script hides everything else (Swift symbols, the static runtime).
let exportFlags: [String] = [
    "-Xlinker", "--version-script=\(Context.packageDirectory)/Sources/Parley/exports.map",
    "-Xlinker", "-soname=libParley.so",
]

let package = Package(
    name: "Parley",
    products: [
        .library(name: "Parley", type: .dynamic, targets: ["Parley"]),
        .library(name: "ParleyCore", targets: ["ParleyCore"]),
        .executable(name: "parley", targets: ["parley-cli"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "COCR", pkgConfig: "tesseract",
                       providers: [.apt(["libtesseract-dev", "libleptonica-dev", "tesseract-ocr-eng", "tesseract-ocr-osd", "libwebp-dev"])]),
        // No pkgConfig: pocketsphinx.pc also links libsphinxad (audio capture, which pulls in
        // PulseAudio, X11 and D-Bus) that Parley never calls; its include path is given below.
        .systemLibrary(name: "CPocketSphinx", providers: [.apt(["libpocketsphinx-dev", "libsphinxbase-dev", "pocketsphinx-en-us"])]),
        .systemLibrary(name: "COpusFile", pkgConfig: "opusfile", providers: [.apt(["libopusfile-dev"])]),
        .systemLibrary(name: "CSoxr", pkgConfig: "soxr", providers: [.apt(["libsoxr-dev"])]),
        // libpq (PostgreSQL's reference C client) for the shared PostgreSQL store.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "CPhoneNumbers",
                linkerSettings: [.linkedLibrary("phonenumber"), .linkedLibrary("stdc++")]),
        // Fixes the Swift runtime's cached thread id in a child forked without exec.
        .target(name: "CForkSafety", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "ParleyCore", dependencies: [
            "CForkSafety", "CSQLite", "COpenSSL", "CPhoneNumbers", "CPoppler", "CZlib", "COCR", "CPocketSphinx", "COpusFile", "CSoxr", "CLibPQ",
            .product(name: "Histogram", package: "hdrhistogram-swift"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ], swiftSettings: [.unsafeFlags(["-Xcc", "-I/usr/include/pocketsphinx"])]),
        .target(name: "Parley", dependencies: ["ParleyCore"], exclude: ["exports.map"],
                linkerSettings: [.unsafeFlags(exportFlags)]),
        .executableTarget(name: "parley-cli", dependencies: [
            "ParleyCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ParleyCoreTests", dependencies: ["ParleyCore"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
