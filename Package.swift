// swift-tools-version: 6.0
// shootnet — IPv6 / dual-stack address planning for Gardener shoots.
//
// The targets follow the data flow:
//   file ──Loading──▶ Spec ──IPAM──▶ Plan ──Diagram──▶ Canvas ──Terminal──▶ screen
//                       ▲                                  │
//                       └──────────── App (model/update/view) ◀── keys
import PackageDescription

let package = Package(
    name: "shootnet",
    products: [
        .executable(name: "shootnet", targets: ["shootnet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    ],
    targets: [
        // The one rule of which input text may not reach a terminal as it is.
        .target(name: "TextPolicy"),
        // Borrowed bytes with the readers' speed tricks named in one place.
        .target(name: "Bytes"),
        // Value types for IPv4/IPv6 addresses and prefixes. No Foundation, no I/O.
        .target(name: "Addressing", dependencies: ["TextPolicy", "Bytes"]),
        // The shoot's networking spec, settings and observed state as plain values.
        .target(name: "Spec", dependencies: ["Addressing"]),
        // file → Spec: YAML (the only Yams user) and a fast JSON reader, with line:column errors; saving.
        .target(name: "Loading", dependencies: ["Spec", "Addressing", "TextPolicy", "Bytes", .product(name: "Yams", package: "Yams")]),
        // Spec → Plan: the pure IPAM engine and its diagnostics.
        .target(name: "IPAM", dependencies: ["Spec", "Addressing"]),
        // Plan → text/JSON/YAML for the commands.
        .target(name: "Report", dependencies: ["IPAM", "Spec", "Addressing", "Canvas", "TextPolicy"]),
        // An in-memory grid of styled cells; what every view draws into.
        .target(name: "Canvas", dependencies: ["TextPolicy"]),
        // Plan → Diagram → Canvas.
        .target(name: "Diagram", dependencies: ["IPAM", "Spec", "Addressing", "Canvas"]),
        // The Elm-style interactive app: model, update(message), view → Canvas. No curses.
        .target(name: "App", dependencies: ["Diagram", "IPAM", "Spec", "Addressing", "Canvas"]),
        // ncursesw, wrapped for Swift 6.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The only module that touches the terminal: copies a Canvas to the screen, reads keys.
        .target(name: "Terminal", dependencies: ["CNcursesw", "Canvas"]),
        .executableTarget(name: "shootnet", dependencies: [
            "Addressing", "Spec", "Loading", "IPAM", "Report", "Diagram", "Canvas", "App", "Terminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "shootnet-bench", dependencies: [
            "Addressing", "Spec", "Loading", "IPAM", "Report", "Diagram", "Canvas", "App", "Terminal",
        ]),
        // Seeded mutation fuzzing of every parser (see scripts/fuzz.sh for libFuzzer).
        .executableTarget(name: "shootnet-fuzz", dependencies: ["Addressing", "Spec", "Loading", "IPAM"]),
        // What the tests share: package paths, golden files (Tests/Golden), running the built
        // binaries, driving tmux, a seeded generator.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "AddressingTests", dependencies: ["Addressing", "Bytes", "TestSupport"]),
        .testTarget(name: "ReliabilityTests", dependencies: ["Addressing", "Spec", "Loading", "IPAM", "Report", "Canvas", "App", "Diagram", "TestSupport"],
                    exclude: ["Corpus"]),
        .testTarget(name: "LoadingTests", dependencies: ["Loading", "Spec", "Addressing", "TestSupport"]),
        .testTarget(name: "IPAMTests", dependencies: ["IPAM", "Loading", "Spec", "Addressing", "TestSupport"]),
        .testTarget(name: "DiagramTests", dependencies: ["Diagram", "Canvas", "IPAM", "Loading", "Spec", "TestSupport"]),
        .testTarget(name: "AppTests", dependencies: ["App", "Canvas", "Diagram", "IPAM", "Loading", "Spec", "Addressing", "TestSupport"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Canvas", "CNcursesw", "TestSupport"]),
        // The executable's runtime, theme files and save mapping, in process (no terminal).
        .testTarget(name: "ShootnetTests", dependencies: ["shootnet", "App", "Canvas", "Loading", "Spec", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["Report", "TestSupport"]),
        .testTarget(name: "LandscapeTests", dependencies: ["IPAM", "Loading", "Spec", "Addressing", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
