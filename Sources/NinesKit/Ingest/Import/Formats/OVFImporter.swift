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
            do { data = try Data(contentsOf: url) } catch { throw ImportError("\(path): cannot read the file", kind: .missing) }
            source = path
        }
        let root = try XMLNode.parse(try XMLPullReader(data: data, source: source))
        guard root.name == "Envelope" else {
            throw ImportError("not an OVF descriptor (root element is <\(root.name)>)", at: SourceLocation(file: source, line: root.line))
        }
        var disks: [String: Result<Double, RowCheckFailure>] = [:]
        for disk in root.descendants("Disk") {
            guard let id = disk.attributes["diskId"] else { continue }
            var check = RowCheck()
            let reference = "Disk '\(Escape.plain(id))' (line \(disk.line))"
            let capacity = check.number(disk.attributes["capacity"] ?? "", field: "capacity", at: reference, in: .nonNegative)
            let unit = try bytes(per: disk.attributes["capacityAllocationUnits"] ?? "byte", source: source, line: disk.line)
            let gib = (capacity ?? 0) * unit / 1_073_741_824
            disks["ovf:/disk/\(id)"] = check.isClean && gib.isFinite ? .success(gib) : .failure(RowCheckFailure(problems: check.problems))
        }
        var result = ImportResult()
        for system in root.descendants("VirtualSystem") {
            result.rows += 1
            try read(system, disks: disks, source: source, into: &result)
        }
        if result.rows == 0 { throw ImportError("\(source): no VirtualSystem in the descriptor") }
        result.disambiguateNames()
        return result
    }

    /// One VirtualSystem: admitted, or refused with every problem of its items.
    private static func read(
        _ system: XMLNode, disks: [String: Result<Double, RowCheckFailure>], source: String, into result: inout ImportResult
    ) throws(ImportError) {
        let name = system.child("Name")?.trimmedText ?? system.attributes["id"] ?? "vm"
        let location = SourceLocation(file: source, line: system.line)
        var check = RowCheck()
        var cpus = 0.0
        var memoryGiB = 0.0
        var diskGiB = 0.0
        for item in system.descendants("Item") {
            let type = item.child("ResourceType")?.trimmedText
            guard type == "3" || type == "4" || type == "17" else { continue }
            let reference = "Item at line \(item.line)"
            switch type {
            case "3":
                let text = item.child("VirtualQuantity")?.trimmedText ?? ""
                cpus += check.number(text, field: "VirtualQuantity", at: reference, in: InventoryRules.vcpus, whole: true) ?? 0
            case "4":
                let text = item.child("VirtualQuantity")?.trimmedText ?? ""
                let quantity = check.number(text, field: "VirtualQuantity", at: reference, in: .nonNegative) ?? 0
                let unit = try bytes(per: item.child("AllocationUnits")?.trimmedText ?? "byte * 2^20", source: source, line: item.line)
                memoryGiB += quantity * unit / 1_073_741_824
            default:
                guard let resource = item.child("HostResource")?.trimmedText, let size = disks[resource] else { continue }
                switch size {
                case .success(let gib): diskGiB += gib
                case .failure(let failure): failure.problems.forEach { check.report($0, at: nil) }
                }
            }
        }
        if check.isClean && (cpus == 0 || memoryGiB == 0) {
            check.report("no CPU (ResourceType 3) or memory (ResourceType 4) is declared", at: nil)
        }
        guard check.isClean else {
            result.refuse(name, reasons: check.problems, at: location)
            return
        }
        guard cpus <= InventoryRules.vcpus.upperBound else {
            result.refuse(
                name, reasons: ["\(Number.plain(cpus)) vCPUs in all; the limit is \(Number.plain(InventoryRules.vcpus.upperBound))"],
                at: location)
            return
        }
        let os = system.child("OperatingSystemSection").flatMap { $0.child("Description")?.trimmedText ?? $0.attributes["osType"] } ?? ""
        result.admit(
            ImportedVM(name: name, vcpus: Int(cpus), memoryGiB: memoryGiB, diskGiB: diskGiB, os: os, poweredOn: true, location: location))
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
        func decimal(_ text: Substring) -> Double? { try? DecimalNumber.parse(String(text)).get() }
        if let caret = factor.firstIndex(of: "^"), let base = decimal(factor[..<caret]), base > 0, base <= 1024,
            let exponent = decimal(factor[factor.index(after: caret)...]), exponent >= 0, exponent <= 60
        {
            return pow(base, exponent)
        }
        if let plain = decimal(factor), plain > 0, plain <= 0x1p60 { return plain }
        throw ImportError("unknown allocation unit '\(Escape.plain(unit))'", at: SourceLocation(file: source, line: line))
    }
}
