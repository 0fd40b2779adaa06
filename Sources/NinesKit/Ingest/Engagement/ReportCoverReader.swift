import Foundation

/// Reads the cover keys of engagement.yaml (`prepared_by`, `assessment_date`, `logo`,
/// `disclaimer`) and the logo file they name; problems go to the diagnostics at the key's line.
enum ReportCoverReader {
    /// The cover keys (also in `EngagementSettings.keys`).
    static let keys = ["prepared_by", "assessment_date", "logo", "disclaimer"]
    /// Largest logo embedded in the report, bytes (512 KiB): a logo is a few kilobytes, and the
    /// report carries it base64-encoded.
    static let maxLogoBytes = 512 * 1024

    /// The cover as written in engagement.yaml, without the logo's bytes (read by `logo(_:in:)`).
    static func read(_ map: YAMLMap, diagnostics: inout DiagnosticCollector) -> (cover: ReportCover, logo: Located<String>?) {
        var cover = ReportCover()
        cover.preparedBy = map.string("prepared_by", diagnostics: &diagnostics)?.value
        cover.disclaimer = map.string("disclaimer", diagnostics: &diagnostics)?.value
        if let date = map.string("assessment_date", diagnostics: &diagnostics) {
            if isCalendarDate(date.value) {
                cover.assessmentDate = date.value
            } else {
                diagnostics.error(
                    "'assessment_date' is '\(Escape.plain(date.value))', not a calendar date", at: date.location,
                    fix: "write the date as YYYY-MM-DD, e.g. 2026-03-15")
            }
        }
        return (cover, map.string("logo", diagnostics: &diagnostics))
    }

    /// True for `YYYY-MM-DD` naming a day that exists (2026-02-29 does not).
    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// Reads the logo file inside the engagement folder: a PNG or JPEG of at most
    /// `maxLogoBytes`. An SVG is refused (it may carry scripts and external references that
    /// would run inside the report), as is anything that is not a PNG or JPEG by its content.
    static func logo(_ name: Located<String>, in directory: String, diagnostics: inout DiagnosticCollector) -> ReportCover.Logo? {
        guard let (url, shown) = EngagementLoader.resolve(name, in: directory, diagnostics: &diagnostics) else { return nil }
        let file = Escape.plain(shown)
        if name.value.lowercased().hasSuffix(".svg") {
            diagnostics.error(
                "logo \(file) is an SVG image, which is refused: it may carry scripts or links that would run inside the report",
                at: name.location, fix: "export the logo as a PNG or JPEG")
            return nil
        }
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            diagnostics.error("logo \(file) does not exist or cannot be read", at: name.location)
            return nil
        }
        // An empty file reads as nil: no bytes, refused below as neither PNG nor JPEG.
        let bytes = (try? handle.read(upToCount: maxLogoBytes + 1)) ?? Data()
        try? handle.close()
        guard bytes.count <= maxLogoBytes else {
            diagnostics.error(
                "logo \(file) is larger than \(maxLogoBytes / 1024) KiB, the limit for an image embedded in the report", at: name.location,
                fix: "scale the image down or save it with more compression")
            return nil
        }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return ReportCover.Logo(mediaType: "image/png", bytes: bytes)
        }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return ReportCover.Logo(mediaType: "image/jpeg", bytes: bytes) }
        diagnostics.error(
            "logo \(file) is not a PNG or JPEG image (by its content)", at: name.location, fix: "export the logo as a PNG or JPEG")
        return nil
    }
}
