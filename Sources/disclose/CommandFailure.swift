import ArgumentParser
import Foundation

/// An error a command stops on with an exit status of cli.md, printed once by
/// `Disclose.main` as `disclose: error: MESSAGE` like every other error.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var status: Int32

    /// The site's type declarations have errors: `check` reports them, and a command that
    /// needs the types stops with exit 1 (errors in the content).
    static let brokenTypeDeclarations = CommandFailure(
        description: "the type declarations in types/ have errors; run 'disclose check'", status: ExitStatus.contentErrors)
}

/// The one place errors are printed and turned into exit statuses: every command lets
/// its errors escape to `Disclose.main`, which calls this.
enum ErrorReport {
    /// `disclose: error: MESSAGE` on standard error, the same prefix for every command.
    static func print(_ message: String) {
        Terminal.writeError("disclose: error: " + message + (message.hasSuffix("\n") ? "" : "\n"))
    }

    /// Prints an error of parsing the command line (an unknown option, a `validate()`
    /// that failed) with the command's usage, and returns exit 2; `--help` and `--version`
    /// print to standard output and are a success.
    static func status(forParsing error: Error, command: ParsableCommand.Type) -> Int32 {
        argumentParserStatus(for: error, command: command)
    }

    /// Prints an error a command's `run()` threw and returns the exit status it means. A
    /// library error (the root has no content/, the output is unsafe, the disk is full) is
    /// a usage or environment error, exit 2.
    static func status(forRunning error: Error, command: ParsableCommand.Type) -> Int32 {
        switch error {
        case let code as ExitCode:
            return code.rawValue
        case let failure as CommandFailure:
            print(failure.description)
            return failure.status
        case is ValidationError, is CleanExit:
            return argumentParserStatus(for: error, command: command)
        case _ where command.exitCode(for: error) == .success:
            // `disclose help COMMAND` asks for help by throwing from its run().
            return argumentParserStatus(for: error, command: command)
        default:
            print("\(error)")
            return ExitStatus.usage
        }
    }

    private static func argumentParserStatus(for error: Error, command: ParsableCommand.Type) -> Int32 {
        let message = command.fullMessage(for: error)
        if command.exitCode(for: error) == .success {
            Terminal.writeOutput(message + "\n")
            return ExitStatus.ok
        }
        // ArgumentParser writes 'Error: '; the prefix of every other error of ours is lower-case.
        print(message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message)
        return ExitStatus.usage
    }
}
