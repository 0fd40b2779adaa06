import Foundation

/// LibreOffice Calc, headless (Debian's `libreoffice-calc-nogui`): opens a workbook, recalculates
/// every formula (a private profile sets "recalculate on load: always" for .xlsx, so the cached
/// values Nines wrote are not what comes back) and exports each sheet as CSV.
enum LibreOfficeCalc {
    static let package = "libreoffice-calc-nogui"
    static var enabled: Bool { ExternalTool.enabled(["soffice"]) }

    /// Sheet name → rows of cells, as LibreOffice computed them. Each call uses its own profile
    /// folder (parallel runs do not collide) and is stopped after `timeout` seconds.
    static func recalculatedSheets(of workbook: Data, timeout: TimeInterval = 180) throws -> [String: [[String]]] {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = folder.appendingPathComponent("profile/user")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        try Data(recalculateAlways.utf8).write(to: profile.appendingPathComponent("registrymodifications.xcu"))
        let input = folder.appendingPathComponent("book.xlsx")
        try workbook.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/soffice")
        process.arguments = [
            "-env:UserInstallation=" + folder.appendingPathComponent("profile").absoluteString, "--headless", "--convert-to",
            // Comma, double quotes, UTF-8, from line 1, …, every sheet (-1) to its own file.
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", folder.path, input.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw CalcError(message: "soffice did not finish within \(Int(timeout)) s")
        }
        guard process.terminationStatus == 0 else { throw CalcError(message: "soffice exited with \(process.terminationStatus)") }
        var sheets: [String: [[String]]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasPrefix("book-") && file.hasSuffix(".csv")
        {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            sheets[String(file.dropFirst(5).dropLast(4))] = parse(text)
        }
        return sheets
    }

    struct CalcError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// A number as LibreOffice wrote it (`1234.5`, `25%`); nil for text or an empty cell.
    static func number(_ cell: String) -> Double? {
        cell.hasSuffix("%") ? Double(cell.dropLast()).map { $0 / 100 } : Double(cell)
    }

    /// RFC 4180: fields in double quotes may hold commas, quotes (doubled) and line breaks.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        while let c = iterator.next() {
            if quoted {
                if c == "\"" {
                    // A doubled quote is one quote; a single one ends the quoted part.
                    var next = iterator
                    if next.next() == "\"" {
                        field.append("\"")
                        iterator = next
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" {
                row.append(field)
                rows.append(row)
                (row, field) = ([], "")
            } else if c != "\r" {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        return rows
    }

    /// Calc's setting "Recalculation on file load, Excel 2007 and newer: always" (0).
    private static let recalculateAlways = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        </oor:items>
        """
}
