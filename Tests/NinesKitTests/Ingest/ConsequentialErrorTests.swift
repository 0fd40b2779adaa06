import Foundation
import Testing

@testable import NinesKit

/// One mistake, one error: what follows from an error already reported is not reported again.
@Suite struct ConsequentialErrorTests {
    /// An availability of 101 (written into the six applications that had 99.99) keeps them
    /// from being built; their VMs and the applications that depend on them do not each add an
    /// "unknown application" error: six errors, one per mistake.
    @Test func invalidApplicationIsNotAlsoUnknown() throws {
        let folder = try TestPaths.acmeCopy(edits: [("applications.yaml", "availability: 99.99", "availability: 101")])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let error = try #require(throws: InputError.self) { try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path) }
        #expect(error.errorCount == 6, "\(error.description)")
        #expect(!error.description.contains("unknown application"))
        #expect(error.description.contains("'sla.availability' is 101%"))
    }
}
