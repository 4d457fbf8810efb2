#if canImport(Glibc)
import Glibc
#endif

/// The process's memory use, for the build summary and the benchmarks.
public enum ProcessMemory {
    /// The peak resident set size so far, in bytes.
    public static var peakBytes: Int {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024  // Linux reports kibibytes
    }
}
