import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a name under `content/` may be, and the one form names are compared in.
///
/// The file system compares names byte for byte while Swift's `String ==` compares them
/// by canonical equivalence, so `café` saved precomposed (NFC) and decomposed (NFD) are two
/// files but one key of a `Dictionary` or `Set`. Every name the later stages see is
/// therefore NFC (`normalised`), two names of one folder that are equal in NFC are refused
/// (`file.name_clash`), and only the absolute path keeps the bytes on disk.
public enum FileName {
    /// Longest name a directory entry may have (Linux NAME_MAX).
    public static let maximumNameBytes = Int(NAME_MAX)
    /// Longest path the system opens (Linux PATH_MAX, counting the final NUL).
    public static let maximumPathBytes = Int(PATH_MAX) - 1

    /// `name` in Unicode normalisation form C, as the standard library computes it to
    /// compare Strings (`_nfcCodeUnits`, public though underscored): two names are one
    /// key exactly when their NFC forms are equal. Foundation's
    /// `precomposedStringWithCanonicalMapping` is not used: on Linux it cuts a run of more
    /// than 64 combining marks short, so a name could read as another, and it is seven
    /// times slower (3.4 µs a Chinese name, a third of a second for 100,000 records).
    public static func normalised(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return name }
        return String(decoding: name._nfcCodeUnits, as: UTF8.self)
    }

    /// The name a directory entry's bytes spell, or why they are refused: not UTF-8, a
    /// control character (a newline in a name splits every line-based report and URL),
    /// a backslash (a folder separator to Windows and to browsers in URLs), or too long.
    public static func read(_ bytes: [UInt8]) -> Result<String, Refusal> {
        guard bytes.count <= maximumNameBytes else { return .failure(.tooLong(bytes: bytes.count)) }
        guard let name = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return .failure(.control(scalar.value)) }
            if scalar == "\\" { return .failure(.backslash) }
        }
        return .success(name)
    }

    public enum Refusal: Error, Equatable {
        case notUTF8
        case control(UInt32)
        case backslash
        case tooLong(bytes: Int)

        public var message: Phrase {
            switch self {
            case .notUTF8:
                Phrase("文件名不是有效的 'UTF-8'（是否以 GBK 等其他编码保存？）；请重命名，此文件不予读取", en: "the name is not valid UTF-8 (saved in another encoding, such as GBK?); rename it, it is not read")
            case .control(let value):
                Phrase("文件名含有控制字符（U+\(String(format: "%04X", value))）；请重命名，此文件不予读取", en: "the name holds a control character (U+\(String(format: "%04X", value))); rename it, it is not read")
            case .backslash:
                Phrase("文件名含有反斜杠，它在 Windows 和浏览器的网址中是文件夹分隔符；请重命名，此文件不予读取", en: "the name holds a backslash, a folder separator on Windows and in browsers' URLs; rename it, it is not read")
            case .tooLong(let bytes):
                Phrase("文件名长 \(bytes) 字节，超过系统上限 \(FileName.maximumNameBytes) 字节；请重命名，此文件不予读取", en: "the name is \(bytes) bytes long, over the system's limit of \(FileName.maximumNameBytes); rename it, it is not read")
            }
        }
    }

    /// The name of a directory entry, as its bytes: `String(cString:)` would put U+FFFD
    /// for bytes that are not UTF-8, and two such names could then read as one.
    static func bytes(of entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
        withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))))
            }
        }
    }

    /// `bytes` as a diagnostic shows a name it refused: printable ASCII as it is, every
    /// other byte as `\xNN`, so that the name can be found with `ls -b`.
    public static func display(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                text += String(format: "\\x%02X", byte)
            }
        }
        return text
    }

    /// The file extensions of a record, compared without regard to case: `x.MD` and
    /// `x.Markdown` are records as much as `x.md` is, and are never published as files.
    static let recordExtensions = [".md", ".markdown"]

    /// The stem of a record file's name (`x` for `x.md`, `x.MD`, `x.markdown`), or nil when
    /// the name is not a record's.
    public static func recordStem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        for suffix in recordExtensions {
            let count = suffix.utf8.count
            guard bytes.count > count else { continue }
            let tail = bytes[(bytes.count - count)...]
            if zip(tail, suffix.utf8).allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }) {
                return String(decoding: bytes[..<(bytes.count - count)], as: UTF8.self)
            }
        }
        return nil
    }
}

extension FileName {
    /// How a diagnostic tells apart two names equal in NFC: which one is in NFC.
    static func form(_ name: String) -> String {
        Array(normalised(name).utf8) == Array(name.utf8) ? "precomposed, NFC" : "decomposed, not NFC"
    }

    /// `form(_:)` in Chinese.
    static func formZh(_ name: String) -> String {
        Array(normalised(name).utf8) == Array(name.utf8) ? "预组合，NFC" : "分解形式，非 NFC"
    }
}
