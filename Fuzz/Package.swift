// swift-tools-version: 6.1
// libFuzzer targets for Nines' readers, kept out of the main package because they only link
// with `-sanitize=fuzzer`. Run them with scripts/fuzz.sh.
import PackageDescription

let package = Package(
    name: "NinesFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "nines-fuzz",
            dependencies: [.product(name: "NinesKit", package: "main")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ],
    swiftLanguageModes: [.v6]
)
