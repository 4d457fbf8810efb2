#if canImport(Glibc)
import Glibc
#endif

/// The process's memory use, for the build summary and the benchmarks.
public enum ProcessMemory {
    /// The peak resident set size so far, in bytes: Linux's VmHWM, which belongs to this
    /// program's memory (getrusage's maximum survives exec, so under `swift run` it would
    /// report swift-run's own peak, 120 MiB, for a build that used 30); getrusage elsewhere.
    public static var peakBytes: Int {
        // /proc files report a size of 0: read them with stdio, line by line.
        if let file = fopen("/proc/self/status", "r") {
            defer { fclose(file) }
            var line = [CChar](repeating: 0, count: 256)
            while fgets(&line, Int32(line.count), file) != nil {
                let text = String(decoding: line.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if let kib = kibibytes(text, field: "VmHWM") { return kib * 1024 }
            }
        }
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024  // Linux reports kibibytes
    }

    /// The number of a `/proc/self/status` line `FIELD:<tab and spaces>N kB`, or nil for
    /// another field's line.
    static func kibibytes(_ line: String, field: String) -> Int? {
        guard line.hasPrefix(field + ":") else { return nil }
        let words = line.dropFirst(field.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard words.count == 2, words[1] == "kB" else { return nil }
        return Int(words[0])
    }
}
