import Foundation
import Testing

/// Every command reports its errors the same way: `disclose: error: MESSAGE` on standard
/// error, exit 2 for usage and environment errors, 1 for errors in the content; and the
/// options they share mean the same in each.
@Suite struct ErrorReportTests {
    /// The first line of standard error.
    static func firstLine(_ result: Disclose.Result) -> String {
        String(result.stderr.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    @Test func everyCommandPrefixesItsErrorsAlike() throws {
        let missing = "/nonexistent-\(UUID().uuidString)"
        let runs: [([String], String)] = [
            (["new", "policy", "Bad_Slug", "--root", Disclose.packageRoot.path], "disclose: error: SLUG must be lower-case"),
            (["new", "no-such-type", "x", "--root", Disclose.packageRoot.path], "disclose: error: TYPE must be one of"),
            (["check", "--root", missing], "disclose: error: the site root '\(missing)' is not a readable directory"),
            (["build", "--root", missing], "disclose: error: the site root '\(missing)' is not a readable directory"),
            (["serve", "--root", missing], "disclose: error: the site root '\(missing)' is not a readable directory"),
            (["audit", missing, "--root", Disclose.packageRoot.path], "disclose: error: '\(missing)' is not a directory"),
            (["build", "--as-of", "2024-13-01"], "disclose: error: --as-of must be a calendar date written YYYY-MM-DD"),
            (["check", "--format", "xml"], "disclose: error: The value 'xml' is invalid for '--format <format>'"),
            (["check", "--no-such-option"], "disclose: error: Unknown option '--no-such-option'"),
        ]
        for (arguments, expected) in runs {
            let result = try Disclose.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(Self.firstLine(result).hasPrefix(expected), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Error:"), "\(arguments): \(result.stderr)")
        }
    }

    /// A usage error shows the command's usage line after the message.
    @Test func aUsageErrorShowsTheCommandsUsage() throws {
        let result = try Disclose.run(["new", "policy", "Bad_Slug"])
        #expect(result.stderr.contains("\nUsage: disclose new <type> <slug> [--publisher <publisher>] [--root <root>]"), "\(result.stderr)")
    }

    /// Broken type declarations are errors in the content (exit 1), for `new` and `types` alike.
    @Test func brokenTypeDeclarationsAreExitOneWithTheSamePrefix() throws {
        let directory = try TemporaryDirectory()
        try directory.write("title: 站\nbase_url: https://example.gov.cn/\n", to: "content/site.yaml")
        try directory.write("id: broken\n", to: "types/broken.yaml")
        for arguments in [["types", "--root", directory.url.path], ["new", "policy", "x", "--root", directory.url.path]] {
            let result = try Disclose.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(Self.firstLine(result) == "disclose: error: the type declarations in types/ have errors; run 'disclose check'",
                    "\(arguments): \(result.stderr)")
        }
    }

    /// `--help`, `help COMMAND` and `--version` print to standard output and succeed.
    @Test func helpAndVersionSucceedOnStandardOutput() throws {
        for arguments in [["--help"], ["help", "audit"], ["audit", "--help"], ["--version"]] {
            let result = try Disclose.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.isEmpty && result.stderr.isEmpty, "\(arguments)")
        }
    }

    /// `--root`, `--format`, `--strict`, `--as-of` and `--quiet` are one declaration shared
    /// by the commands that take them: the same help text in each.
    @Test func sharedOptionsHaveTheSameHelpInEveryCommand() throws {
        func helpLine(_ command: String, _ option: String) throws -> String? {
            let help = try Disclose.run([command, "--help"]).stdout
            return help.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(option + " ") }
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        for option in ["--root <root>", "--format <format>"] {
            let lines = try ["check", "build", "audit"].map { try helpLine($0, option) }
            #expect(lines[0] != nil && Set(lines).count == 1, "\(option): \(lines)")
        }
        let roots = try ["check", "new", "serve"].map { try helpLine($0, "--root <root>") }
        #expect(roots[0] != nil && Set(roots).count == 1, "--root: \(roots)")
        for option in ["--strict", "--as-of <as-of>", "--quiet"] {
            let lines = try ["check", "build"].map { try helpLine($0, option) }
            #expect(lines[0] != nil && Set(lines).count == 1, "\(option): \(lines)")
        }
    }
}
