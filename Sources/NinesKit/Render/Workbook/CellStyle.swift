/// The cell formats of plan.xlsx, in styles.xml's `cellXfs` order (the raw value is the
/// index a cell's `s` attribute names). Inputs a reader may edit have a light yellow fill.
enum CellStyle: Int, CaseIterable, Sendable {
    case general
    case header
    /// `#,##0.00`.
    case money
    /// `0.0000`: the model's yearly quantities (incidents, hours).
    case quantity
    /// `0.00%`.
    case percent
    /// `#,##0`.
    case integer
    case moneyInput
    /// General, editable.
    case numberInput
    case percentInput

    /// `numFmtId`, `fontId`, `fillId` of the style's `xf`.
    private var parts: (format: Int, font: Int, fill: Int) {
        switch self {
        case .general: (0, 0, 0)
        case .header: (0, 1, 0)
        case .money: (4, 0, 0)
        case .quantity: (164, 0, 0)
        case .percent: (10, 0, 0)
        case .integer: (3, 0, 0)
        case .moneyInput: (4, 0, 2)
        case .numberInput: (0, 0, 2)
        case .percentInput: (10, 0, 2)
        }
    }

    /// xl/styles.xml: a custom number format, a bold font, the input fill, these styles.
    static var stylesheet: String {
        let xfs = allCases.map { style in
            let p = style.parts
            return "<xf numFmtId=\"\(p.format)\" fontId=\"\(p.font)\" fillId=\"\(p.fill)\" borderId=\"0\" xfId=\"0\""
                + (p.format != 0 ? " applyNumberFormat=\"1\"" : "") + (p.font != 0 ? " applyFont=\"1\"" : "")
                + (p.fill != 0 ? " applyFill=\"1\"" : "") + "/>"
        }
        return XlsxPackage.declaration + "<styleSheet xmlns=\"\(XlsxPackage.mainNamespace)\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0000\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
            + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFF2CC\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(allCases.count)\">\(xfs.joined())</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }
}
