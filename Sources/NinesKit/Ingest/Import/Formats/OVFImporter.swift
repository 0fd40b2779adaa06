import Foundation

/// Imports OVF descriptors (`.ovf`) and OVA archives (a tar holding one): vCPUs from rasd
/// ResourceType 3, memory from 4 (honouring AllocationUnits such as `byte * 2^20`), disks from
/// 17 through the DiskSection's capacities.
public enum OVFImporter {
    public static func importFile(_ url: URL, shownAs path: String) throws(ImportError) -> ImportResult {
        let data: Data
        let source: String
        if url.pathExtension.lowercased() == "ova" {
            let archive = try TarArchive(url: url, shownAs: path)
            guard let entry = archive.entries.first(where: { $0.name.lowercased().hasSuffix(".ovf") }) else {
                throw ImportError("\(path): the OVA holds no .ovf descriptor")
            }
            data = try archive.read(entry)
            source = "\(path) [\(entry.name)]"
        } else {
            do { data = try Data(contentsOf: url) } catch { throw ImportError("\(path): cannot read the file") }
            source = path
        }
        let root = try XMLNode.parse(try XMLPullReader(data: data, source: source))
        guard root.name == "Envelope" else {
            throw ImportError("not an OVF descriptor (root element is <\(root.name)>)", at: SourceLocation(file: source, line: root.line))
        }
        var disks: [String: Double] = [:]
        for disk in root.descendants("Disk") {
            guard let id = disk.attributes["diskId"], let capacity = disk.attributes["capacity"].flatMap(Double.init) else { continue }
            let unit = try bytes(per: disk.attributes["capacityAllocationUnits"] ?? "byte", source: source, line: disk.line)
            disks["ovf:/disk/\(id)"] = capacity * unit / 1_073_741_824
        }
        var result = ImportResult()
        for system in root.descendants("VirtualSystem") {
            result.vms.append(try vm(system, disks: disks, source: source))
        }
        if result.vms.isEmpty { throw ImportError("\(source): no VirtualSystem in the descriptor") }
        result.disambiguateNames()
        return result
    }

    private static func vm(_ system: XMLNode, disks: [String: Double], source: String) throws(ImportError) -> ImportedVM {
        let name = system.child("Name")?.trimmedText ?? system.attributes["id"] ?? "vm"
        var cpus = 0
        var memoryGiB = 0.0
        var diskGiB = 0.0
        for item in system.descendants("Item") {
            let type = item.child("ResourceType")?.trimmedText
            let quantity = item.child("VirtualQuantity").flatMap { Double($0.trimmedText) } ?? 0
            switch type {
            case "3": cpus += Int(quantity)
            case "4":
                let unit = try bytes(per: item.child("AllocationUnits")?.trimmedText ?? "byte * 2^20", source: source, line: item.line)
                memoryGiB += quantity * unit / 1_073_741_824
            case "17":
                if let resource = item.child("HostResource")?.trimmedText, let size = disks[resource] { diskGiB += size }
            default: break
            }
        }
        let os = system.child("OperatingSystemSection").flatMap { $0.child("Description")?.trimmedText ?? $0.attributes["osType"] } ?? ""
        guard cpus > 0, memoryGiB > 0 else {
            throw ImportError(
                "VirtualSystem '\(Escape.plain(name))' declares no CPU (ResourceType 3) or memory (ResourceType 4)",
                at: SourceLocation(file: source, line: system.line))
        }
        return ImportedVM(
            name: name, vcpus: cpus, memoryGiB: memoryGiB, diskGiB: diskGiB, os: os, poweredOn: true,
            location: SourceLocation(file: source, line: system.line))
    }

    /// Bytes in one unit of a DMTF programmatic unit (`byte * 2^20`, `byte*1024`, `MegaBytes`).
    static func bytes(per unit: String, source: String, line: Int) throws(ImportError) -> Double {
        let text = unit.lowercased().replacingOccurrences(of: " ", with: "")
        let named: [String: Double] = [
            "byte": 1, "bytes": 1, "kilobytes": 1024, "megabytes": 1_048_576, "gigabytes": 1_073_741_824, "kb": 1024, "mb": 1_048_576,
            "gb": 1_073_741_824,
        ]
        if let value = named[text] { return value }
        guard text.hasPrefix("byte*") else {
            throw ImportError("unknown allocation unit '\(Escape.plain(unit))'", at: SourceLocation(file: source, line: line))
        }
        let factor = text.dropFirst(5)
        if let caret = factor.firstIndex(of: "^"), let base = Double(factor[..<caret]),
            let exponent = Double(factor[factor.index(after: caret)...]), exponent <= 60
        {
            return pow(base, exponent)
        }
        if let plain = Double(factor) { return plain }
        throw ImportError("unknown allocation unit '\(Escape.plain(unit))'", at: SourceLocation(file: source, line: line))
    }
}
