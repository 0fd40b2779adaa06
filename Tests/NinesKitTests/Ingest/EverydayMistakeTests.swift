import Foundation
import Testing

@testable import NinesKit

/// The everyday mistakes of someone filling in an engagement, each beside the message it gets:
/// a value in the wrong unit is refused with the value that was probably meant, a rate that is
/// probably a fraction is read as written with a warning, and the forms a reader accepts are
/// read.
struct EverydayMistakeTests {
    /// ERP's SLA in the sample (its text is unique in applications.yaml).
    static let erp =
        "availability: 99.99\n    rto: 5m\n    rto_scope: hardware\n    rpo: 0s\n    service_hours: 24x7\n    site_disaster: recover\n  impact:\n    revenue_per_hour: 40000"

    static func erp(_ old: String, _ new: String) -> String { erp.replacingOccurrences(of: old, with: new) }

    /// (file, text in the sample, the mistake, the diagnostic expected on the mistake's line)
    static let refused: [(file: String, old: String, new: String, message: String)] = [
        (
            "applications.yaml", erp, erp("availability: 99.99", "availability: 0.9999"),
            "error: 'sla.availability' is 0.9999, a fraction where a percentage is expected — did you mean 99.99 (%)?"
        ),
        (
            "applications.yaml", "productivity_loss: 0.25", "productivity_loss: 25",
            "error: 'impact.productivity_loss' is 25, a percentage where a fraction (0 to 1, or a percentage with %) is expected — did you mean 0.25?"
        ),
        (
            "applications.yaml", erp, erp("rto: 5m", "rto: 5"),
            "error: 'sla.rto' is '5', a number without a unit — write it with its unit: 90s, 5m (or 5 minutes), 4h, 2d, 1w, 1y, or a sum such as 1h30m"
        ),
        (
            "applications.yaml", erp, erp("rto: 5m", "rto: soon"),
            "error: 'sla.rto' is 'soon', not a duration — write 90s, 5m (or 5 minutes), 4h, 2d, 1w, 1y, or a sum such as 1h30m"
        ),
        (
            "engagement.yaml", "discount_rate: 8 ", "discount_rate: 0.08 ",
            "warning: 'discount_rate' is 0.08, read as 0.08% (percent) — write 8 if you meant 8%"
        ),
        (
            "engagement.yaml", "growth_headroom: 10 ", "growth_headroom: 0.1 ",
            "warning: 'growth_headroom' is 0.1, read as 0.1% (percent) — write 10 if you meant 10%"
        ),
    ]

    @Test(arguments: refused)
    func mistakeGetsItsMessage(file: String, old: String, new: String, message: String) throws {
        let folder = try TestPaths.acmeCopy(edits: [(file, old, new)])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path).warnings
        } catch let error as InputError {
            diagnostics = error.diagnostics
        }
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        let changed = zip(old.split(separator: "\n"), new.split(separator: "\n")).first { $0 != $1 }!.1
        let line =
            text[..<text.range(of: new)!.lowerBound].filter { $0 == "\n" }.count + 1
            + (new.split(separator: "\n").firstIndex(of: changed) ?? 0)
        #expect(
            diagnostics.contains { $0.description == "\(folder.path)/\(file):\(line): \(message)" },
            "expected on line \(line): \(message)\ngot:\n\(diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(diagnostics.filter { $0.severity == .error }.count <= 1, "one mistake, one error")
    }

    /// (file, text in the sample, another way to write it) — read as the sample's value.
    static let accepted: [(file: String, old: String, new: String)] = [
        ("applications.yaml", erp, erp("availability: 99.99", "availability: \"99.99%\"")),
        ("applications.yaml", "productivity_loss: 0.25", "productivity_loss: 25%"),
        ("applications.yaml", erp, erp("rto: 5m", "rto: 5 minutes")),
        ("applications.yaml", erp, erp("rto: 5m", "rto: 300s")),
        ("engagement.yaml", "discount_rate: 8 ", "discount_rate: 8% "),
    ]

    @Test(arguments: accepted)
    func otherSpellingReadsTheSame(file: String, old: String, new: String) throws {
        let folder = try TestPaths.acmeCopy(edits: [(file, old, new)])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let loaded = try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
        let sample = try EngagementLoader.load(TestPaths.acme.path, catalogPath: TestPaths.catalog.path)
        let erp = try #require(loaded.engagement.applications.first { $0.name == "ERP" })
        let sampleERP = try #require(sample.engagement.applications.first { $0.name == "ERP" })
        #expect(erp.sla.availability == sampleERP.sla.availability)
        #expect(erp.sla.rto == sampleERP.sla.rto)
        #expect(erp.impact.productivityLoss == sampleERP.impact.productivityLoss)
        #expect(loaded.engagement.discountRatePercent == sample.engagement.discountRatePercent)
        #expect(loaded.warnings.count == sample.warnings.count)
    }

    @Test(arguments: [("1y", 31_536_000.0), ("90s", 90), ("5 minutes", 300), ("2 hours 30 min", 9000), ("1h30m", 5400)])
    func durationForms(text: String, seconds: Double) {
        #expect(TimeSpan(parsing: text)?.seconds == seconds)
    }

    /// (arguments, the message on stderr): the options read values as the files do.
    static let commandLine: [(arguments: [String], message: String)] = [
        (
            ["calc", "cost", "--availability", "0.9999", "--cost-per-hour", "1000"],
            "0.9999 is a fraction where a percentage is expected — did you mean 99.99 (%)?"
        ),
        (
            ["calc", "pair", "--mtbf", "5000", "--mttr", "4h"],
            "'5000' is a number without a unit — write it with its unit: 90s, 5m (or 5 minutes), 4h, 2d, 1w, 1y, or a sum such as 1h30m"
        ),
        (["calc", "pair", "--mtbf", "5000h", "--mttr", "4h", "--beta", "5"], "did you mean 0.05?"),
        (
            ["plan", "acme/engagement.yaml"],
            "error: acme/engagement.yaml is a file; plan takes the engagement folder that holds it: `nines plan acme`"
        ),
    ]

    @Test(.enabled(if: NinesExecutable.enabled, NinesExecutable.needed), arguments: commandLine)
    func optionMistakeGetsItsMessage(arguments: [String], message: String) throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(at: TestPaths.acme, to: work.appendingPathComponent("acme"))
        let run = try NinesExecutable.run(arguments, in: work)
        #expect(run.status == 64)
        #expect(run.errors.contains(message), "\(run.errors)")
        #expect(!run.errors.contains("nines init"))
    }

    @Test(.enabled(if: NinesExecutable.enabled, NinesExecutable.needed))
    func optionsAcceptTheForms() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let cost = try NinesExecutable.run(["calc", "cost", "--availability", "99.99%", "--cost-per-hour", "1000"], in: work)
        #expect(cost.status == 0 && cost.output.contains("52.56 min"), "\(cost.output)\(cost.errors)")
        let pair = try NinesExecutable.run(["calc", "single", "--mtbf", "1y", "--mttr", "4 hours"], in: work)
        #expect(pair.status == 0, "\(pair.errors)")
    }
}
