extension Diagnostic {
    /// The problem as sentences for a reader of the report: the message, what to do about it,
    /// and where it was found ("… Fill the 'application' column. (inventory.csv, line 52)"). The
    /// terminal keeps `description`, the `file:line: warning:` form editors jump to.
    var sentence: String {
        var text = Self.sentence(message)
        if let fix { text += " " + Self.sentence(fix) }
        let place = location.line > 0 ? "\(location.file), line \(location.line)" : location.file
        return text + " (\(place))"
    }

    /// `text` with a capital first letter and a closing full stop.
    private static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let body = first.uppercased() + text.dropFirst()
        return body.hasSuffix(".") || body.hasSuffix("?") || body.hasSuffix("!") ? body : body + "."
    }
}
