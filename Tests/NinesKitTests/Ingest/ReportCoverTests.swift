import Foundation
import Testing

@testable import NinesKit

/// The cover keys of engagement.yaml: read as written, a date checked as a calendar date, a
/// logo embedded only when it is a small PNG or JPEG inside the engagement folder.
@Suite struct ReportCoverTests {
    /// A 1 × 1 PNG.
    static let png = Data(
        base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")!

    static func load(_ cover: String, files: [String: Data] = [:]) throws -> Result<LoadedEngagement, InputError> {
        let line = "assessment_date: 2026-03-16                     # YYYY-MM-DD; the cover's date (never the clock)"
        let folder = try TestPaths.acmeCopy(edits: [("engagement.yaml", line, cover)])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        do {
            return .success(try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path))
        } catch let error as InputError {
            return .failure(error)
        }
    }

    /// The error of the engagement with `cover` in place of the sample's date (line 9) whose
    /// message holds `message`.
    static func error(_ cover: String, files: [String: Data] = [:], containing message: String) throws -> Diagnostic? {
        guard case .failure(let error) = try load(cover, files: files) else {
            Issue.record("\(cover): accepted")
            return nil
        }
        let found = error.diagnostics.first { $0.message.contains(message) }
        #expect(found != nil, "no error containing '\(message)' in \(error)")
        return found
    }

    @Test func theSampleCoverIsReadAsWritten() throws {
        let loaded = try EngagementLoader.load(TestPaths.acme.path, catalogPath: TestPaths.catalog.path)
        #expect(loaded.engagement.cover.preparedBy == "Northwind Availability Consulting")
        #expect(loaded.engagement.cover.assessmentDate == "2026-03-16")
        #expect(loaded.engagement.cover.logo == nil)
    }

    @Test func aPNGLogoIsEmbeddedAsADataURI() throws {
        let loaded = try Self.load("assessment_date: 2026-03-16\nlogo: logo.png\ndisclaimer: Our words.", files: ["logo.png": Self.png])
            .get()
        let logo = try #require(loaded.engagement.cover.logo)
        #expect(logo.mediaType == "image/png")
        #expect(logo.dataURI == "data:image/png;base64," + Self.png.base64EncodedString())
        #expect(loaded.engagement.cover.disclaimer == "Our words.")
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "16/03/2026", "2026-3-16", "today"])
    func aDateMustBeACalendarDay(_ date: String) throws {
        let found = try Self.error("assessment_date: \"\(date)\"", containing: "not a calendar date")
        #expect(found?.location.line == 9)
        #expect(found?.fix?.contains("YYYY-MM-DD") == true)
    }

    @Test func aLeapDayIsADate() {
        #expect(ReportCoverReader.isCalendarDate("2028-02-29"))
        #expect(!ReportCoverReader.isCalendarDate("2100-02-29"))
        #expect(ReportCoverReader.isCalendarDate("2000-02-29"))
    }

    @Test func anSVGLogoIsRefused() throws {
        let svg = Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".utf8)
        let found = try Self.error("logo: logo.svg", files: ["logo.svg": svg], containing: "is an SVG image, which is refused")
        #expect(found?.message.contains("logo.svg") == true)
    }

    @Test func aLogoOverTheLimitIsRefusedNamingTheLimit() throws {
        let large = Self.png + Data(count: ReportCoverReader.maxLogoBytes)
        let found = try Self.error("logo: big.png", files: ["big.png": large], containing: "larger than 512 KiB")
        #expect(found?.message.contains("big.png") == true)
    }

    @Test func aLogoMustBeAPNGOrJPEGByItsContent() throws {
        _ = try Self.error("logo: logo.png", files: ["logo.png": Data("<svg/>".utf8)], containing: "is not a PNG or JPEG image")
        _ = try Self.error("logo: missing.png", containing: "does not exist or cannot be read")
        _ = try Self.error("logo: ../outside.png", containing: "must be a path inside the engagement folder")
    }
}
