extension SourceLocation {
    /// The location with its file named relative to the engagement `folder` (as typed when the
    /// engagement was read): outputs name files inside the engagement, never the local path,
    /// so `acme` and `/home/me/acme` give the same bytes and no local path reaches a client.
    public func relative(to folder: String) -> SourceLocation {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        if file == folder { return SourceLocation(file: ".", line: line) }
        guard file.hasPrefix(prefix) else { return self }
        return SourceLocation(file: String(file.dropFirst(prefix.count)), line: line)
    }
}

extension Diagnostic {
    /// The diagnostic with its location relative to the engagement folder.
    public func relative(to folder: String) -> Diagnostic {
        var copy = self
        copy.location = location.relative(to: folder)
        return copy
    }
}
