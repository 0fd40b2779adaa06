import Foundation
import Testing

@testable import NinesKit

/// Manifests written by `XMLStreamWriter` are byte for byte the element tree serialised (the
/// former writer, kept as the reference in XMLReference.swift), whatever the values hold.
@Suite struct XMLStreamWriterTests {
    static let hostile =
        [
            "plain", "", "<b>x</b> & \"q\" 'a'", "tab\there\nline\rcr\r\n", "\u{1}\u{1F}ctl\u{7F}", "Größe 服务器",
            "\u{F0000}\u{F0FFF}private",
            "]]>", "&amp;", String(repeating: "long-", count: 100), "\u{FFFE}\u{FFFF}\u{FFFD}\u{EFFF}\u{FEFF}", "😀\u{10FFFF}",
            "</script><script>", "e\u{301}",
        ] + [String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)]

    /// Windows and Linux VMs (the clock), no, one and several bridges, hostile names everywhere.
    @Test(arguments: [0, 1, 3])
    func libvirtDomainMatchesItsTree(bridgeCount: Int) {
        for (index, value) in Self.hostile.enumerated() {
            let other = Self.hostile[(index + 3) % Self.hostile.count]
            let member = Pair.Member(
                vm: value, application: other, tier: TierID(.ft), vcpus: 4, memoryGiB: 12.5, diskGiB: 40,
                os: index % 2 == 0 ? "Windows Server 2022" : "linux",
                demand: VMDemand(memoryGiB: 12.5, threads: 5))
            let bridges = (0..<bridgeCount).map { "\(other)-\($0)" }
            let bytes = LibvirtDomain.xml(
                id: "vm-\(index)", member: member, disks: ["/dev/\(value)", "/dev/\(other)"], bridges: bridges, description: other,
                virtioWinISO: "/iso/\(other)")
            let fields = LibvirtDomain.fields(
                id: "vm-\(index)", member: member, disks: ["/dev/\(value)", "/dev/\(other)"], bridges: bridges, description: other,
                virtioWinISO: "/iso/\(other)")
            #expect((fields.driverISO != nil) == (index % 2 == 0))
            #expect(bytes == Data(LibvirtDomain.tree(fields).documentBytes()), "\(value)")
        }
    }

    @Test(arguments: [0, 1, 5, 28])
    func pacemakerCIBMatchesItsTree(vmCount: Int) {
        for hostileNode in [false, true] {
            let nodes = [
                PacemakerCIB.Node(name: hostileNode ? "<kvm & \"07\">-a" : "kvm-07-a", ipmi: "10.78.7.1"),
                PacemakerCIB.Node(name: "kvm-07-b", ipmi: "<ipmi>"),
            ]
            let vms = (0..<vmCount).map { i in
                let value = Self.hostile[i % Self.hostile.count]
                return PacemakerCIB.VM(id: "\(value)\(i)", resource: "\(value)-disk0", config: "/etc/libvirt/qemu/\(value).xml")
            }
            let clusterName = String(nodes[0].name.dropLast(2))
            #expect(
                PacemakerCIB.xml(nodes: nodes, vms: vms)
                    == Data(PacemakerCIB.tree(nodes: nodes, clusterName: clusterName, vms: vms).documentBytes()))
        }
    }

    /// The sample's pairs: every domain and every Pacemaker CIB as the tree writes it.
    @Test func samplePairsMatchTheirTrees() throws {
        let plan = try Pipeline.assess(Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, trials: 0))
        let names = ManifestNames(plan.engagement.workloads.map(\.name))
        var domains = 0
        for pair in plan.packing.pairs {
            for member in pair.members {
                let fields = LibvirtDomain.fields(
                    id: names[member.vm], member: member, disks: member.disks.indices.map { "/dev/mapper/\(names[member.vm])-disk\($0)" },
                    bridges: ["business1"],
                    description: "\(member.application) on \(pair.id)", virtioWinISO: plan.platform.virtioWinISO)
                #expect(LibvirtDomain.xml(fields) == Data(LibvirtDomain.tree(fields).documentBytes()))
                domains += 1
            }
        }
        let alternative = try #require(plan.tco?.alternatives.first { $0.id == "pacemaker-drbd" }?.sizing.pairs)
        for (index, pair) in alternative.enumerated() {
            let addresses = try #require(plan.addresses.alternatives["pacemaker-drbd"]?[pair.id])
            let files = Dictionary(
                uniqueKeysWithValues: ManifestRenderer.pacemakerCluster(
                    pair, addresses: addresses, names: names, liveMigration: true, virtioWinISO: plan.platform.virtioWinISO))
            let number = String(format: "%02d", index + 1)
            let nodes = ["a", "b"].enumerated().map { PacemakerCIB.Node(name: "kvm-\(number)-\($1)", ipmi: addresses.outOfBand[$0]) }
            let vms = pair.members.map {
                PacemakerCIB.VM(id: names[$0.vm], resource: "\(names[$0.vm])-disk0", config: "/etc/libvirt/qemu/\(names[$0.vm]).xml")
            }
            let cib = try #require(files["alternatives/pacemaker-drbd/\(pair.id)/cib.xml"])
            #expect(
                cib == Data(PacemakerCIB.tree(nodes: nodes, clusterName: "kvm-\(number)", vms: vms, liveMigration: true).documentBytes()))
        }
        #expect(domains > 0 && !alternative.isEmpty)
    }

    /// Text and attribute values escaped as `Escape.xml` escapes them, scalar by scalar.
    @Test func escapesAsEscapeXML() {
        for value in Self.hostile + (0..<0x80).map({ String(UnicodeScalar(UInt8($0))) }) {
            var buffer = ByteBuffer(capacity: 0)
            XMLStreamWriter.escape(value, into: &buffer)
            #expect(buffer.bytes == Array(Escape.xml(value).utf8), "\(value)")
        }
    }

    /// The layout of the tree: empty elements closed in their tag, text inline, children on
    /// lines of their own.
    @Test func layoutMatchesTheTree() {
        var x = XMLStreamWriter()
        x.start("a")
        x.attribute("k", "v&")
        x.empty("b")
        x.element("c", "x", "1", text: "")
        x.start("d")
        x.start("e")
        x.element("f", text: "<t>")
        x.end()
        x.end()
        x.end()
        let tree = XMLTree(
            "a", [("k", "v&")],
            [XMLTree("b"), XMLTree("c", [("x", "1")], text: ""), XMLTree("d", [], [XMLTree("e", [], [XMLTree("f", text: "<t>")])])])
        let document = x.document()
        #expect(document == Data(tree.documentBytes()))
    }
}
