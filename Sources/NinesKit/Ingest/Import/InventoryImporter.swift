import Foundation

/// The import formats and the one entry point that reads any of them.
public enum InventoryImporter {
    public enum Format: String, CaseIterable, Sendable {
        case rvtools, ovf, libvirt
        case azureMigrate = "azure-migrate"
        case powercli
    }

    /// Reads one or more files (or folders) of a format into one result. Every data row ends in
    /// `vms`, `excluded` or `refused`; a missing source or one that is not a regular file (or,
    /// for rvtools and libvirt, a folder) is an `ImportError` of kind `.missing`.
    public static func read(_ paths: [String], format: Format, includePoweredOff: Bool = false) throws(ImportError) -> ImportResult {
        var combined = ImportResult()
        for path in paths {
            let url = URL(fileURLWithPath: path)
            let folder = InputFileKind.of(path) == .folder
            try InputFileKind.requireRegularFile(path, shownAs: path, folderAllowed: format == .rvtools || format == .libvirt)
            let result: ImportResult
            switch format {
            case .rvtools:
                let importer = RVToolsImporter(includePoweredOff: includePoweredOff)
                result = folder ? try importer.importCSVFolder(url, shownAs: path) : try importer.importWorkbook(url, shownAs: path)
            case .ovf: result = try OVFImporter.importFile(url, shownAs: path)
            case .libvirt: result = try LibvirtImporter.importPath(url, shownAs: path)
            case .azureMigrate:
                result = try TabularImporter.importFile(url, format: .azureMigrate, shownAs: path, includePoweredOff: includePoweredOff)
            case .powercli:
                result = try TabularImporter.importFile(url, format: .powerCLI, shownAs: path, includePoweredOff: includePoweredOff)
            }
            combined.append(result)
        }
        if paths.count > 1 { combined.disambiguateNames() }
        return combined
    }

    /// The foreign CSV format a header belongs to, or nil for the native inventory.
    public static func format(ofCSVHeader header: [String]) -> Format? {
        if header.first?.hasPrefix("#TYPE") == true { return .powercli }
        let map = HeaderMap(header)
        if map.has(["vm"]) { return nil }
        if map.has(["NumCpu"]) && map.has(["MemoryGB"]) { return .powercli }
        if map.has(["Server name"]) && map.has(["Cores"]) { return .azureMigrate }
        return nil
    }

    /// Guesses the format of a file named as `inventory:` in engagement.yaml.
    public static func format(of url: URL) -> Format? {
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("RVTools_tabvInfo.csv").path) { return .rvtools }
            return .libvirt
        }
        switch url.pathExtension.lowercased() {
        case "xlsx": return .rvtools
        case "ovf", "ova": return .ovf
        case "xml": return .libvirt
        default: return nil
        }
    }
}
