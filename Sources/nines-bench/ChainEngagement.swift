import Foundation
import NinesKit

/// Writes an engagement whose applications form one dependency chain: `chain-i` depends on
/// `chain-(i-1)`, so the last one depends, directly or not, on every other. One VM per
/// application at a head office with a DR partner, SLAs drawn from a fixed mix. The worst case
/// for anything that works per application over its dependency closure.
enum ChainEngagement {
    /// Writes engagement.yaml, inventory.csv and applications.yaml for `applications`
    /// applications into `folder` (created when missing).
    static func write(applications count: Int, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var inventory = "vm,application,vcpus,memory_gib,disk_gib,os,site,power_state,tier\n"
        inventory.reserveCapacity(count * 70)
        var apps = ""
        apps.reserveCapacity(count * 260)
        for i in 0..<count {
            let vcpus = [2, 4, 4, 8][i % 4]
            let memory = [8, 16, 32, 64][i % 4]
            inventory += "chain-vm-\(i),chain-\(i),\(vcpus),\(memory),100,Linux,hq,poweredOn,\n"
            let availability = [99.0, 99.5, 99.9, 99.95, 99.99][i % 5]
            let rto = ["1d", "4h", "1h", "15m", "5m"][i % 5]
            let rpo = ["1d", "4h", "1h", "0s", "0s"][i % 5]
            apps += "- name: chain-\(i)\n  sla: {availability: \(availability), rto: \(rto), rpo: \(rpo)}\n"
            apps += "  impact: {revenue_per_hour: \(1000 + i % 17 * 500), users: \(10 + i % 40), "
            apps += "loaded_cost_per_user_hour: 50, productivity_loss: 0.3}\n"
            if i > 0 { apps += "  depends_on: [chain-\(i - 1)]\n" }
        }
        let engagement = """
            version: 1
            name: chain-\(count)
            client: Chain \(count)
            year: 2026
            platform: everrun-enterprise
            hardware: dl380-gen11-384
            sites:
              - {id: hq, name: HQ, partner: dr}
              - {id: dr, name: DR, partner: hq}

            """
        try engagement.write(to: folder.appendingPathComponent("engagement.yaml"), atomically: true, encoding: .utf8)
        try inventory.write(to: folder.appendingPathComponent("inventory.csv"), atomically: true, encoding: .utf8)
        try apps.write(to: folder.appendingPathComponent("applications.yaml"), atomically: true, encoding: .utf8)
    }
}
