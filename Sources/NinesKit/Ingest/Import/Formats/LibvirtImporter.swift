import Foundation

/// Imports libvirt domain XML (`virsh dumpxml` output): one file, or a folder of `.xml` files.
public enum LibvirtImporter {
    public static func importPath(_ url: URL, shownAs path: String) throws(ImportError) -> ImportResult {
        var result = ImportResult()
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        let files: [(URL, String)]
        if isDirectory.boolValue {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter {
                $0.lowercased().hasSuffix(".xml")
            }.sorted()
            guard !names.isEmpty else { throw ImportError("\(path): no .xml files in this folder") }
            files = names.map { (url.appendingPathComponent($0), "\(path)/\($0)") }
        } else {
            files = [(url, path)]
        }
        for (file, shown) in files {
            try InputFileKind.requireRegularFile(file.path, shownAs: shown)
            let data: Data
            do { data = try Data(contentsOf: file) } catch { throw ImportError("\(shown): cannot read the file", kind: .missing) }
            let root = try XMLNode.parse(XMLPullReader(data: data, source: shown))
            result.rows += 1
            do {
                result.admit(try domain(root, source: shown))
            } catch {
                result.refuse(
                    root.child("name")?.trimmedText ?? "", reasons: [error.message], at: error.location ?? SourceLocation(file: shown))
            }
        }
        result.disambiguateNames()
        return result
    }

    /// One domain document as an imported VM.
    public static func domain(_ root: XMLNode, source: String) throws(ImportError) -> ImportedVM {
        let location = SourceLocation(file: source, line: root.line)
        guard root.name == "domain" else { throw ImportError("not a libvirt domain (root element is <\(root.name)>)", at: location) }
        guard let name = root.child("name")?.trimmedText, !name.isEmpty else { throw ImportError("the domain has no <name>", at: location) }
        var check = RowCheck()
        let vcpuNode = root.child("vcpu")
        let vcpus = check.count(
            vcpuNode?.trimmedText ?? "", field: "vcpu", at: vcpuNode.map { "<vcpu> at line \($0.line)" } ?? "<vcpu>",
            in: Int(InventoryRules.vcpus.lowerBound)...Int(InventoryRules.vcpus.upperBound))
        let memoryNode = root.child("memory") ?? root.child("currentMemory")
        let amount = check.number(
            memoryNode?.trimmedText ?? "", field: "memory", at: memoryNode.map { "<memory> at line \($0.line)" } ?? "<memory>",
            in: .nonNegative)
        let unit = try unit(memoryNode?.attributes["unit"] ?? "KiB", location: SourceLocation(file: source, line: memoryNode?.line ?? 0))
        guard check.isClean, let vcpus, let amount else {
            throw ImportError("domain '\(Escape.plain(name))': \(check.problems.joined(separator: "; "))", at: location)
        }
        let memoryGiB = amount * unit / 1_073_741_824
        let os = root.child("metadata")?.descendants("os").first?.attributes["id"] ?? root.child("os")?.child("type")?.trimmedText ?? ""
        let title = root.child("title")?.trimmedText ?? ""
        var vm = ImportedVM(name: name, vcpus: vcpus, memoryGiB: memoryGiB, diskGiB: 0, os: os, poweredOn: true, location: location)
        vm.annotation = root.child("description")?.trimmedText ?? title
        return vm
    }

    /// Bytes per libvirt memory unit (domain XML format: b, KiB/k, MiB/M, GiB/G, TiB/T, KB, MB, GB, TB).
    static func unit(_ text: String, location: SourceLocation) throws(ImportError) -> Double {
        switch text {
        case "b", "bytes": 1
        case "k", "KiB": 1024
        case "KB": 1000
        case "M", "MiB": 1_048_576
        case "MB": 1_000_000
        case "G", "GiB": 1_073_741_824
        case "GB": 1_000_000_000
        case "T", "TiB": 1_099_511_627_776
        case "TB": 1_000_000_000_000
        default: throw ImportError("unknown memory unit '\(Escape.plain(text))'", at: location)
        }
    }
}
