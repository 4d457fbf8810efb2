import Foundation

/// The site's own address, `base_url`, as a link target is compared with it: read the way
/// a browser reads an `http(s)` address (WHATWG URL), so that every spelling that opens a
/// page of the site is known to be a link into it — `http` or `https`, slashes after the
/// scheme missing or doubled or written `\`, a user name, the host in any case, with
/// full-width dots, percent-encoded or as punycode (`xn--`), a trailing dot, the default
/// port written, empty or left out, the path percent-encoded, with `.`, `..` or doubled
/// slashes. A link that reads as an address of the site must then name a file the build
/// writes: none can reach a withheld record's address by its spelling.
struct OwnSiteAddress: Sendable, Equatable {
    /// The base's scheme, `http` or `https`, lower case.
    let scheme: String
    let host: String
    /// Nil for the scheme's default port.
    let port: Int?
    /// The base's folder, as path components.
    let folder: [String]

    init?(baseURL: String) {
        guard let authority = Self.authority(of: baseURL), let schemeLength = Self.httpSchemeLength(baseURL) else { return nil }
        scheme = schemeLength == 6 ? "https" : "http"
        host = authority.host
        port = authority.port
        folder = Self.pathParts(authority.rest).path
    }

    /// The site-relative path (NFC; a folder's `index.html`) and the `?query#fragment`
    /// kept after it, when `target` is an address below the site; nil for any other.
    func sitePath(of target: String) -> (path: String, suffix: String)? {
        // Most addresses in bodies are other sites': told by their host, before the path is read.
        guard let authority = Self.authority(of: target), authority.host == host, authority.port == port else { return nil }
        return sitePath(afterAuthority: authority.rest)
    }

    /// Every site-relative path `target` may open from the page at `page`: read as an
    /// address (`sitePath(of:)`), then relative to the page (`sitePath(ofRelativeSpelling:onPage:)`).
    func sitePaths(of target: String, onPage page: String) -> [(path: String, suffix: String)] {
        [sitePath(of: target), sitePath(ofRelativeSpelling: target, onPage: page)].compactMap { $0 }
    }

    /// What an address of the site's scheme with fewer than two slashes after the scheme
    /// names on the site when a page of it at `page` (site-relative) links it: a browser on
    /// a page of the same scheme reads `https:a.html` as `a.html` beside the page and
    /// `https:/xxgk/a.html` as `/xxgk/a.html` on the page's host (WHATWG URL, the special
    /// relative state), where `sitePath(of:)` reads the host `a.html` or `xxgk`, as a
    /// page of another scheme (`http:` on an `https` site, a kiosk's `file:`) does. Nil
    /// for other addresses and for paths outside the site.
    func sitePath(ofRelativeSpelling target: String, onPage page: String) -> (path: String, suffix: String)? {
        let address = Self.withoutTabsAndLineBreaks(target)
        let bytes = address.utf8
        guard let schemeLength = Self.httpSchemeLength(address), schemeLength == scheme.utf8.count + 1 else { return nil }
        var start = bytes.index(bytes.startIndex, offsetBy: schemeLength)
        var slashes = 0
        while start < bytes.endIndex, slashes < 2, Self.isSlash(bytes[start]) {
            slashes += 1
            start = bytes.index(after: start)
        }
        guard slashes < 2 else { return nil }
        let rest = address[start...]
        if slashes == 1 { return sitePath(afterAuthority: Substring("/" + rest)) }
        // A query or fragment alone names the page itself; a path, a file in its folder.
        let namesPage = rest.isEmpty || rest.utf8.first == UInt8(ascii: "?") || rest.utf8.first == UInt8(ascii: "#")
        let base = folder + (namesPage ? page.slashSeparated.map(String.init) : page.folderParts)
        let written = base.map(URLPath.encoded).joined(separator: "/")
        return sitePath(afterAuthority: Substring("/" + written + (namesPage ? "" : "/") + rest))
    }

    /// The site-relative path an address's path names, when it is below the site's folder.
    private func sitePath(afterAuthority rest: Substring) -> (path: String, suffix: String)? {
        let parts = Self.pathParts(rest)
        // The folder in any case: a server that ignores case (IIS) opens it so.
        guard parts.path.count >= folder.count,
              zip(parts.path, folder).allSatisfy({ $0.lowercased() == $1.lowercased() }) else { return nil }
        var path = Array(parts.path.dropFirst(folder.count))
        if path.isEmpty || parts.namesFolder { path.append(SitePlan.homePath) }
        return (path.joined(separator: "/"), parts.suffix)
    }

    /// Tabs and line breaks anywhere in an address are dropped by browsers.
    private static func withoutTabsAndLineBreaks(_ written: String) -> String {
        written.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            ? String(written.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
            : written
    }

    /// The length of `address`'s `http:` or `https:` (in any case); nil for other schemes.
    private static func httpSchemeLength(_ address: String) -> Int? {
        if hasPrefixIgnoringCase(address, "https:") { return 6 }
        if hasPrefixIgnoringCase(address, "http:") { return 5 }
        return nil
    }

    /// A browser reads `\` as `/` in an `http(s)` address.
    private static func isSlash(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") }

    /// An `http(s):` address as a browser reads it, up to its path: host (normalised by
    /// `normalisedHost`), port (nil for the scheme's default) and what follows them; nil
    /// for other schemes or an unreadable port.
    private static func authority(of written: String) -> (host: String, port: Int?, rest: Substring)? {
        let address = withoutTabsAndLineBreaks(written)
        // Read by bytes: every delimiter is ASCII, and a browser reads code points, so a
        // combining mark after a '/' does not hide the '/' (as it would in a Character).
        let bytes = address.utf8
        guard let schemeLength = httpSchemeLength(address) else { return nil }
        let defaultPort = schemeLength == 6 ? 443 : 80
        var start = bytes.index(bytes.startIndex, offsetBy: schemeLength)
        while start < bytes.endIndex, isSlash(bytes[start]) { start = bytes.index(after: start) }
        let authorityEnd = bytes[start...].firstIndex(where: { isSlash($0) || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
            ?? bytes.endIndex
        var hostStart = start
        if let at = bytes[start..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) { hostStart = bytes.index(after: at) }
        var hostEnd = authorityEnd
        var port: Int?
        if let colon = bytes[hostStart..<authorityEnd].lastIndex(of: UInt8(ascii: ":")),
           bytes[bytes.index(before: authorityEnd)] != UInt8(ascii: "]") {
            let written = address[bytes.index(after: colon)..<authorityEnd]
            if !written.isEmpty {
                guard written.utf8.allSatisfy({ $0 < 0x80 }), let number = Int(written), number <= 65535 else { return nil }
                port = number == defaultPort ? nil : number
            }
            hostEnd = colon
        }
        let hostPart = address[hostStart..<hostEnd]
        let rest = address[authorityEnd...]
        guard let host = normalisedHost(hostPart), !host.isEmpty else { return nil }
        return (host, port, rest)
    }

    /// What follows an address's authority: the path components the server is asked for
    /// and opens, whether the path names a folder, and what follows the path. Read in two
    /// steps, as they happen: the browser resolves `.` and `..` segments (written plain or
    /// as `%2e`, in any case) between `/` or `\\` and sends the rest as escaped as written,
    /// so `x%2F..` is one segment that a `..` after it removes; the server then decodes
    /// every escape it can (a stray `%` or an escape that is no UTF-8 spoils nothing else),
    /// may read a decoded `/` or `\\` as a separator and resolve the dots again (NFC,
    /// doubled slashes merged, `..` at the top staying there).
    private static func pathParts(_ afterAuthority: Substring) -> (path: [String], namesFolder: Bool, suffix: String) {
        let pathEnd = afterAuthority.utf8.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
            ?? afterAuthority.endIndex
        let sent = browserPath(afterAuthority[..<pathEnd])
        let decoded = FileName.normalised(percentDecoded(sent)).replacingBytes("\\", with: "/")
        var components: [String] = []
        for component in decoded.slashSeparated {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(component))
            }
        }
        let last = decoded.slashSeparated(keepingEmpty: true).last ?? ""
        let namesFolder = last.isEmpty || last == "." || last == ".."
        return (components, namesFolder, String(afterAuthority[pathEnd...]))
    }

    /// The path a browser sends for `written` (WHATWG URL's path state for `http(s)`):
    /// its segments between `/` or `\\`, dot segments resolved, escapes kept.
    private static func browserPath(_ written: Substring) -> String {
        let bytes = written.utf8
        // Most paths have no backslash, no escape and no segment starting with a dot: sent as written.
        if !bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "%") }),
           !zip(bytes, bytes.dropFirst()).contains(where: { $0 == UInt8(ascii: "/") && $1 == UInt8(ascii: ".") }) {
            return String(written)
        }
        var segments: [Substring] = []
        var start = bytes.startIndex
        var index = start
        var isFirst = true
        func close(_ segment: Substring, last: Bool) {
            defer { isFirst = false }
            // What precedes the path's first slash is no segment (the path is empty then).
            if isFirst { if !segment.isEmpty { segments.append(segment) }; return }
            if isDoubleDot(segment) {
                if !segments.isEmpty { segments.removeLast() }
                if last { segments.append("") }
            } else if isSingleDot(segment) {
                if last { segments.append("") }
            } else {
                segments.append(segment)
            }
        }
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: "\\") {
                close(written[start..<index], last: false)
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        close(written[start...], last: true)
        return "/" + segments.joined(separator: "/")
    }

    private static func isSingleDot(_ segment: Substring) -> Bool {
        segment == "." || (segment.utf8.count == 3 && segment.lowercased() == "%2e")
    }

    private static func isDoubleDot(_ segment: Substring) -> Bool {
        guard segment.utf8.count >= 2, segment.utf8.count <= 6 else { return false }
        let lower = segment.lowercased()
        return lower == ".." || lower == ".%2e" || lower == "%2e." || lower == "%2e%2e"
    }

    /// `text` with each `%XX` escape decoded, byte by byte; a `%` that starts no escape is
    /// kept, and bytes that are no UTF-8 become U+FFFD (a name no file has), where
    /// Foundation's decoding gives up on the whole text.
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        let source = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
               let high = hex(source[index + 1]), let low = hex(source[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when `text` starts with `prefix` (ASCII, lower case) in any case.
    private static func hasPrefixIgnoringCase(_ text: String, _ prefix: StaticString) -> Bool {
        let wanted = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        var bytes = text.utf8.makeIterator()
        for byte in wanted {
            guard let next = bytes.next() else { return false }
            let lower = next >= UInt8(ascii: "A") && next <= UInt8(ascii: "Z") ? next | 0x20 : next
            guard lower == byte else { return false }
        }
        return true
    }

    /// A host as IDNA compares it: percent-decoded, full-width forms and ideographic full
    /// stops as their ASCII (NFKC), lower case, no trailing dot, punycode labels decoded;
    /// an IPv4 address in dotted decimal whatever its spelling (`IPv4Host`); nil for a host
    /// a browser refuses.
    static func normalisedHost(_ raw: Substring) -> String? {
        guard let host = domainOrAddress(raw) else { return nil }
        return IPv4Host.endsInANumber(host) ? IPv4Host.canonical(host) : host
    }

    private static func domainOrAddress(_ raw: Substring) -> String? {
        // A host of plain ASCII (no escape, no punycode label), most of them: IDNA leaves
        // it as it is but for case and a trailing dot.
        if raw.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "%") }) {
            var host = raw.lowercased()
            if !host.contains("xn--") {
                if host.utf8.last == UInt8(ascii: ".") { host.removeLast() }
                return host
            }
        }
        let decoded = String(raw).removingPercentEncoding ?? String(raw)
        // What IDNA maps to nothing, every default-ignorable code point (soft hyphen,
        // zero-width space, variation selectors, Hangul fillers...): pasted from a word
        // processor or a chat, a browser drops it from the host. Dropped before and after
        // NFKC, which maps some (U+3164) to others (U+1160).
        func visible(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint }))
        }
        let mapped = visible(decoded).precomposedStringWithCompatibilityMapping
        var host = visible(String(String.UnicodeScalarView(mapped.unicodeScalars.map { Self.newerCompatibilityForms[$0.value] ?? $0 })))
        host = host.replacingBytes("\u{3002}", with: ".").lowercased()
        var labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count > 1, labels.last?.isEmpty == true { labels.removeLast() }
        var decodedLabels: [String] = []
        for label in labels {
            if label.hasPrefix("xn--") {
                guard let unicode = Punycode.decode(label.dropFirst(4)) else { return nil }
                decodedLabels.append(unicode.precomposedStringWithCompatibilityMapping.lowercased())
            } else {
                decodedLabels.append(String(label))
            }
        }
        return decodedLabels.joined(separator: ".")
    }
}

extension OwnSiteAddress {
    /// Letters and digits whose compatibility forms are newer than the system's Unicode
    /// data (Foundation's NFKC leaves them as they are) and that browsers map to ASCII:
    /// the outlined letters and digits of Unicode 16 (U+1CCD6–U+1CCF9) and U+A7F1 (`s`).
    static let newerCompatibilityForms: [UInt32: Unicode.Scalar] = {
        var forms: [UInt32: Unicode.Scalar] = [0xA7F1: "s"]
        for (offset, letter) in "abcdefghijklmnopqrstuvwxyz0123456789".unicodeScalars.enumerated() {
            forms[0x1CCD6 + UInt32(offset)] = letter
        }
        return forms
    }()
}

/// RFC 3492 (punycode) decoding of a host label's ASCII form, the part after `xn--`.
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700

    /// The label's Unicode text; nil for anything that is not valid punycode.
    static func decode(_ encoded: Substring) -> String? {
        let input = Array(encoded.utf8)
        // A host label is at most 63 bytes: longer input is no label (and bounds the work).
        guard input.count <= 63 else { return nil }
        var output: [UInt32] = []
        var position = 0
        if let delimiter = input.lastIndex(of: UInt8(ascii: "-")) {
            output = input[..<delimiter].map(UInt32.init)
            position = delimiter + 1
        }
        var n = 128, i = 0, bias = 72
        while position < input.count {
            let oldI = i
            var weight = 1
            var k = base
            while true {
                guard position < input.count else { return nil }
                let byte = input[position]
                position += 1
                let digit: Int
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte) - 22
                case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = Int(byte - UInt8(ascii: "a"))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = Int(byte - UInt8(ascii: "A"))
                default: return nil
                }
                let (step, stepOverflow) = digit.multipliedReportingOverflow(by: weight)
                let (sum, sumOverflow) = i.addingReportingOverflow(step)
                guard !stepOverflow, !sumOverflow, sum <= 0x10FFFF * 128 else { return nil }
                i = sum
                let threshold = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < threshold { break }
                let (nextWeight, weightOverflow) = weight.multipliedReportingOverflow(by: base - threshold)
                guard !weightOverflow else { return nil }
                weight = nextWeight
                k += base
            }
            let count = output.count + 1
            bias = adapt(i - oldI, count: count, first: oldI == 0)
            n += i / count
            i %= count
            guard n <= 0x10FFFF, Unicode.Scalar(UInt32(n)) != nil else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        var text = String.UnicodeScalarView()
        for value in output {
            guard let scalar = Unicode.Scalar(value) else { return nil }
            text.append(scalar)
        }
        return String(text)
    }

    private static func adapt(_ delta: Int, count: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
