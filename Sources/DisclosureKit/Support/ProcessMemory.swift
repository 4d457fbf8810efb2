#if canImport(Glibc)
import Glibc
#endif

/// The process's memory use, for the build summary and the benchmarks.
public enum ProcessMemory {
    /// The peak resident set size so far, in bytes: Linux's VmHWM, which belongs to this
    /// program's memory (getrusage's maximum survives exec, so `swift run` would report
    /// its own peak); getrusage elsewhere.
    public static var peakBytes: Int {
        // /proc files report a size of 0: read them with stdio, line by line.
        if let file = fopen("/proc/self/status", "r") {
            defer { fclose(file) }
            var line = [CChar](repeating: 0, count: 256)
            while fgets(&line, Int32(line.count), file) != nil {
                let text = String(cString: line)
                if text.hasPrefix("VmHWM:"), let kib = Int(text.dropFirst(6).split(separator: " ").first ?? "") {
                    return kib * 1024
                }
            }
        }
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024  // Linux reports kibibytes
    }
}
