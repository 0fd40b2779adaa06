import Foundation
import Testing

@testable import NinesKit

/// The pair table's disk column and binding limit: report.md, report.html, pairs.csv and
/// plan.json all show `Pair.bindingLimit`, computed once in the core.
@Suite struct PairUtilizationReportTests {
    /// The sample with File Services' two file servers at 18,000 GiB each and pinned to HA: each
    /// takes 18,000 + 3,600 + ⌈21,600 × 0.2⌉ = 4,320 → 25,920 GiB, 90.8% of the 28,546 GiB a
    /// host offers to VMs, so no two share a pair and disk binds where they are.
    static func render() throws -> (plan: Assessment, files: [String: Data]) {
        let folder = try TestPaths.acmeCopy(edits: [
            (
                "inventory.csv", "fs01,File Services,4,16,4000,Windows Server 2022,hq,poweredOn,",
                "fs01,File Services,4,16,18000,Windows Server 2022,hq,poweredOn,ha"
            ),
            (
                "inventory.csv", "fs02,File Services,4,16,4000,Windows Server 2022,hq,poweredOn,",
                "fs02,File Services,4,16,18000,Windows Server 2022,hq,poweredOn,ha"
            ),
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let plan = try Pipeline.assess(Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path, trials: 0))
        return (plan, try PlanRenderer(templates: TemplateSet.load(from: TestPaths.templates)).files(for: plan))
    }

    @Test func everyOutputShowsTheCoresBindingLimit() throws {
        let (plan, files) = try Self.render()
        let expected = Dictionary(uniqueKeysWithValues: plan.packing.pairs.map { ($0.id, $0.bindingLimit) })
        #expect(expected.values.contains(.disk), "no pair is bound by disk: \(expected)")
        // plan.json
        let json = try #require(try JSONSerialization.jsonObject(with: files["plan.json"]!) as? [String: Any])
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        var fromJSON: [String: PackingLimit] = [:]
        for pair in pairs {
            let id = try #require(pair["id"] as? String)
            fromJSON[id] = PackingLimit(rawValue: try #require(pair["binding_dimension"] as? String))
            let used = try #require(pair["used_disk_gib"] as? Double)
            let usable = try #require((pair["capacity"] as? [String: Any])?["disk_gib"] as? Double)
            let group = try #require(pair["storage_group_gib"] as? Double)
            #expect(used <= usable && group == used + plan.platform.engineVolumesGiB.value)
        }
        #expect(fromJSON == expected)
        // report.md: | pair | site | VMs | memory | threads | VM slots | disk | binding limit |
        let markdown = String(decoding: files["report.md"]!, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("| pair-") }
        let fromMarkdown = Dictionary(
            uniqueKeysWithValues: markdown.map { line in
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                return (cells[0], cells[7])
            })
        #expect(fromMarkdown == expected.mapValues(\.label))
        // The disk column: "25,920 / 28,546 GiB (91%)" on a file server's pair.
        let fileServerPair = try #require(plan.packing.pairs.first { $0.members.contains { $0.vm == "fs01" } })
        let diskCell = try #require(markdown.first { $0.hasPrefix("| \(fileServerPair.id) |") }).split(separator: "|")[6]
        let percent = Int((fileServerPair.utilization.disk * 100).rounded())
        #expect(diskCell.trimmingCharacters(in: .whitespaces).hasSuffix(" / 28,546 GiB (\(percent)%)"))
        #expect(fileServerPair.usedDiskGiB >= 25_920)
        // report.html: the binding limit is the row's last cell.
        let html = String(decoding: files["report.html"]!, as: UTF8.self)
        for (id, limit) in expected {
            let row = try #require(html.range(of: "<tr><td>\(id)</td>").map { html[$0.lowerBound...].prefix { $0 != "\n" } })
            #expect(row.hasSuffix("<td>\(limit.label)</td></tr>"), "\(row)")
        }
        // pairs.csv: the `binding` column.
        let csv = String(decoding: files["pairs.csv"]!, as: UTF8.self).split(whereSeparator: \.isNewline).map { $0.split(separator: ",") }
        let column = try #require(csv.first?.firstIndex(of: "binding"))
        #expect(
            Dictionary(uniqueKeysWithValues: csv.dropFirst().map { (String($0[0]), String($0[column])) }) == expected.mapValues(\.rawValue))
    }
}
