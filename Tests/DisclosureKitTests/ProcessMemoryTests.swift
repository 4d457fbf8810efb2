@testable import DisclosureKit
import Testing

@Suite struct ProcessMemoryTests {
    /// The kernel separates the name from the number with a tab and pads with spaces;
    /// a parse that split on spaces alone read nothing, and fell back to a figure that
    /// counts what the process was before an exec.
    @Test func readsTheKernelsLine() {
        #expect(ProcessMemory.kibibytes("VmHWM:\t   47472 kB\n", field: "VmHWM") == 47472)
        #expect(ProcessMemory.kibibytes("VmHWM:\t12 kB", field: "VmHWM") == 12)
        #expect(ProcessMemory.kibibytes("VmRSS:\t   47472 kB\n", field: "VmHWM") == nil)
        #expect(ProcessMemory.kibibytes("VmHWM:\t   many kB\n", field: "VmHWM") == nil)
    }
}
