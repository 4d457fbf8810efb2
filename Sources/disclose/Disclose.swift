import ArgumentParser
import CMimalloc
import DisclosureKit
import Foundation

/// The `disclose` command line: parses arguments, calls `DisclosureKit`, prints.
@main
struct Disclose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclose",
        abstract: localized("构建并检查政府信息公开网站。", en: "Build and check a government information disclosure (政府信息公开) site."),
        version: DiscloseVersion.string,
        subcommands: [BuildCommand.self, CheckCommand.self, AuditCommand.self, InitCommand.self, NewCommand.self, RulesCommand.self, TypesCommand.self,
                      MigrateReportCommand.self, ServeCommand.self]
    )

    @OptionGroup var language: LanguageOption

    /// Exit statuses are part of the interface (cli.md): usage errors are 2, never
    /// ArgumentParser's default 64.
    static func main() {
        // A use of mimalloc, so that no linker drops the library as unneeded: linked, it
        // serves every malloc of the process (README, Performance).
        guard mi_version() > 0 else { fatalError("mimalloc is not linked") }
        // A reader of the output that goes away (`| head`) ends the writing, not the
        // command: a build still finishes, or not, as a whole, with its own exit code.
        signal(SIGPIPE, SIG_IGN)
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            Foundation.exit(ErrorReport.status(forParsing: error, command: self))
        }
        do {
            try command.run()
        } catch {
            Foundation.exit(ErrorReport.status(forRunning: error, command: self))
        }
    }
}

/// The exit statuses of cli.md.
enum ExitStatus {
    static let ok: Int32 = 0
    static let contentErrors: Int32 = 1
    static let usage: Int32 = 2
}

/// The process's allocator, mimalloc (linked by `Disclose.main`).
enum Allocator {
    /// Freed pages given back to the system at once, not after mimalloc's default 25 ms:
    /// a build frees large buffers stage after stage (the catalog's files, the record
    /// cache's encoding, the leak search's tables), and the delay let each stage's freed
    /// pages add to the next one's peak. 10,000 records: 110-114 -> 95 MiB, CPU within the
    /// run-to-run noise. Not for `check`, whose target is its time: there it cost about
    /// 3 % (README, Performance). The environment's MIMALLOC_DECOMMIT_DELAY (or its older
    /// name MIMALLOC_RESET_DELAY) still rules.
    static func returnFreedPagesAtOnce() {
        setDecommitDelay(milliseconds: 0)
    }

    /// Back to mimalloc's own delay (25 ms), for a build that carries a previous one's
    /// files: its memory is far below a full build's, and returning every freed page at
    /// once made the pages faulted in again and the `madvise` calls a tenth of a
    /// one-record rebuild's time (10,000 records, 6 interleaved rounds: wall 1.46 ->
    /// 1.31 s, CPU 2.50 -> 2.28 s; peak about 25 MiB more). The environment still rules.
    static func keepFreedPagesAWhile() {
        setDecommitDelay(milliseconds: 25)
    }

    /// Unless the environment sets the delay (MIMALLOC_DECOMMIT_DELAY, or its older name
    /// MIMALLOC_RESET_DELAY): then the user's value rules.
    private static func setDecommitDelay(milliseconds: Int) {
        guard getenv("MIMALLOC_DECOMMIT_DELAY") == nil, getenv("MIMALLOC_RESET_DELAY") == nil else { return }
        mi_option_set(mi_option_decommit_delay, milliseconds)
    }
}
