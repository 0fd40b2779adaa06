/// Turns names from the input into identifiers every target accepts — libvirt domain names,
/// DRBD resource names, Pacemaker ids, file names: letters, digits, `-` and `_`, starting with
/// a letter, at most 48 characters. A name that had to change gets a short stable hash of the
/// original, so `web 01` and `web/01` stay distinct; the mapping is the same on every run.
struct ManifestNames {
    private(set) var ids: [String: String] = [:]

    init(_ names: [String]) {
        var used = Set<String>()
        for name in names.sorted() where ids[name] == nil {
            var id = Self.sanitise(name)
            if id != name { id += "-" + Self.hash(name) }
            var candidate = id
            var n = 2
            while used.contains(candidate.lowercased()) {
                candidate = "\(id)-\(n)"
                n += 1
            }
            used.insert(candidate.lowercased())
            ids[name] = candidate
        }
    }

    subscript(name: String) -> String { ids[name] ?? Self.sanitise(name) }

    static func sanitise(_ name: String) -> String {
        var result = ""
        var lastDash = false
        for scalar in name.unicodeScalars {
            let ok = (scalar.value < 128) && (CharacterSetASCII.isAlphanumeric(scalar) || scalar == "_")
            if ok {
                result.unicodeScalars.append(scalar)
                lastDash = false
            } else if !lastDash {
                result += "-"
                lastDash = true
            }
        }
        result = String(result.drop { $0 == "-" })
        while result.hasSuffix("-") { result.removeLast() }
        if result.isEmpty || !(result.unicodeScalars.first.map(CharacterSetASCII.isLetter) ?? false) { result = "vm-" + result }
        return String(result.prefix(40))
    }

    /// FNV-1a of the UTF-8 bytes, six hex digits.
    static func hash(_ text: String) -> String {
        var h: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            h ^= UInt32(byte)
            h = h &* 16_777_619
        }
        let hex = String(h, radix: 16)
        return String((String(repeating: "0", count: 8) + hex).suffix(6))
    }
}

enum CharacterSetASCII {
    static func isLetter(_ s: Unicode.Scalar) -> Bool { (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122) }
    static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool { isLetter(s) || (s.value >= 48 && s.value <= 57) || s == "-" }
}
