import ArgumentParser
import CMimalloc
import DisclosureKit
import Foundation

/// The `disclose` command line: parses arguments, calls `DisclosureKit`, prints.
@main
struct Disclose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclose",
        abstract: "Build and check a government information disclosure (政府信息公开) site.",
        version: DiscloseVersion.string,
        subcommands: [BuildCommand.self, CheckCommand.self, AuditCommand.self, NewCommand.self, RulesCommand.self, TypesCommand.self, ServeCommand.self]
    )

    /// Exit statuses are part of the interface (cli.md): usage errors are 2, never
    /// ArgumentParser's default 64.
    static func main() {
        // A use of mimalloc, so that no linker drops the library as unneeded: linked, it
        // serves every malloc of the process (README, Performance).
        guard mi_version() > 0 else { fatalError("mimalloc is not linked") }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Terminal.writeError("disclose: " + fullMessage(for: error) + "\n")
            Foundation.exit(ExitStatus.usage)
        }
    }
}

/// The exit statuses of cli.md.
enum ExitStatus {
    static let ok: Int32 = 0
    static let contentErrors: Int32 = 1
    static let usage: Int32 = 2
}
