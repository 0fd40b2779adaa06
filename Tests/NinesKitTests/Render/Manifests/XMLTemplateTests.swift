import Foundation
import Testing

@testable import NinesKit

/// Manifests rendered through a template are byte for byte the tree rendered with the values in
/// place (the reference), whatever the values hold.
@Suite struct XMLTemplateTests {
    static let hostile = [
        "plain", "", "<b>x</b> & \"q\" 'a'", "tab\there\nline\rcr", "\u{1}\u{1F}ctl", "Größe 服务器", "\u{F0000}\u{F0FFF}private",
        "]]>", "&amp;", String(repeating: "long-", count: 100),
    ]

    @Test(arguments: [0, 1, 3])
    func libvirtDomainMatchesItsTree(bridgeCount: Int) {
        for (index, value) in Self.hostile.enumerated() {
            let other = Self.hostile[(index + 3) % Self.hostile.count]
            let member = Pair.Member(
                vm: value, application: other, tier: TierID(.ft), vcpus: 4, memoryGiB: 12.5, diskGiB: 40,
                os: index % 2 == 0 ? "Windows Server 2022" : "linux",
                demand: VMDemand(memoryGiB: 12.5, threads: 5))
            let bridges = (0..<bridgeCount).map { "\(other)-\($0)" }
            let bytes = LibvirtDomain.xml(id: "vm-\(index)", member: member, disk: "/dev/\(value)", bridges: bridges, description: other)
            let fields = LibvirtDomain.fields(
                id: "vm-\(index)", member: member, disk: "/dev/\(value)", bridges: bridges, description: other)
            #expect(bytes == LibvirtDomain.tree(fields).documentBytes(), "\(value)")
        }
    }

    @Test(arguments: [0, 1, 5, 28])
    func pacemakerCIBMatchesItsTree(vmCount: Int) {
        let nodes = [PacemakerCIB.Node(name: "kvm-07-a", ipmi: "10.78.7.1"), PacemakerCIB.Node(name: "kvm-07-b", ipmi: "<ipmi>")]
        let vms = (0..<vmCount).map { i in
            let value = Self.hostile[i % Self.hostile.count]
            return PacemakerCIB.VM(id: "\(value)\(i)", resource: "\(value)-disk0", config: "/etc/libvirt/qemu/\(value).xml")
        }
        #expect(
            PacemakerCIB.xml(nodes: nodes, vms: vms) == PacemakerCIB.tree(nodes: nodes, clusterName: "kvm-07", vms: vms).documentBytes())
    }
}
