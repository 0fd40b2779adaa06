// swift-tools-version: 6.1
// libFuzzer targets for Nines' readers, kept out of the main package because they only link
// with `-sanitize=fuzzer`. Run them with scripts/fuzz.sh.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which is wherever the repository was cloned
/// (`main`, `nines`, …), so the identity is read from the folder rather than spelled here.
let nines = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "NinesFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "nines-fuzz",
            dependencies: [.product(name: "NinesKit", package: nines)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ],
    swiftLanguageModes: [.v6]
)
