import Foundation

/// File names of a site as the audit holds them: any bytes a file system allows. A name
/// that is not UTF-8 keeps each stray byte as a private-use character (U+F700 + the byte),
/// so the file can still be opened, read and named in a finding; such a name, and one with
/// a control character, is a finding itself.
enum SiteFileNames {
    /// The private-use characters that stand for stray bytes.
    static let strayByteBase: UInt32 = 0xF700

    /// `bytes` (a name from the directory) as a string, stray bytes kept as private-use characters.
    static func name(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        if let valid = String(validating: bytes, as: UTF8.self), !valid.unicodeScalars.contains(where: isStrayByte) {
            return valid
        }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
            if length > 0, index + length <= bytes.count,
               let character = String(validating: bytes[index..<(index + length)], as: UTF8.self),
               let scalar = character.unicodeScalars.first, !isStrayByte(scalar) {
                scalars.append(scalar)
                index += length
            } else {
                scalars.append(Unicode.Scalar(strayByteBase + UInt32(lead))!)
                index += 1
            }
        }
        return String(scalars)
    }

    static func isStrayByte(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= strayByteBase + 0x80 && scalar.value <= strayByteBase + 0xFF
    }

    /// True when the name has a stray byte (it is not UTF-8).
    static func hasStrayBytes(_ path: String) -> Bool {
        path.utf8.contains(0xEF) && path.unicodeScalars.contains(where: isStrayByte)
    }

    /// Calls `body` with `path` as the file system knows it: stray bytes put back.
    static func withFileSystemPath<T>(_ path: String, _ body: (UnsafePointer<CChar>) -> T) -> T {
        guard hasStrayBytes(path) else { return path.withCString(body) }
        var bytes: [CChar] = []
        for scalar in path.unicodeScalars {
            if isStrayByte(scalar) {
                bytes.append(CChar(bitPattern: UInt8(scalar.value - strayByteBase)))
            } else {
                bytes += String(scalar).utf8.map { CChar(bitPattern: $0) }
            }
        }
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// `path` as it can be shown on one line of a report: control characters and stray
    /// bytes written as escapes (`\n`, `\xFF`).
    static func shown(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || isStrayByte($0) }) else { return path }
        var text = ""
        for scalar in path.unicodeScalars {
            switch scalar.value {
            case 0x0A: text += "\\n"
            case 0x09: text += "\\t"
            case 0x0D: text += "\\r"
            case 0..<0x20, 0x7F: text += String(format: "\\x%02X", scalar.value)
            case _ where isStrayByte(scalar): text += String(format: "\\x%02X", scalar.value - strayByteBase)
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// Why a site may not hold a file of this name, or nil.
    static func problem(_ path: String) -> Phrase? {
        if hasStrayBytes(path) {
            return Phrase("文件名不是 'UTF-8' 编码；浏览器无法可靠地链接到它：请重命名",
                          en: "the file name is not UTF-8; a browser cannot link to it reliably: rename it")
        }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return Phrase("文件名含有控制字符（换行符、制表符等）；请重命名",
                          en: "the file name holds a control character (a newline, a tab, ...); rename it")
        }
        return nil
    }

    /// The whole file at `path` (stray bytes in its name allowed), or why it cannot be read.
    static func readWhole(_ path: String) -> Result<[UInt8], FileIO.Failure> {
        // Never blocks on a pipe: opened without waiting, and read only if a regular file.
        let fd = withFileSystemPath(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW) }
        guard fd >= 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.system("not a regular file")) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { return .failure(.system(String(cString: strerror(errno)))) }
            if count == 0 { return .success(bytes) }
            bytes += chunk[..<count]
        }
    }
}
