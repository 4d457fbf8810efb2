import ArgumentParser
import DisclosureKit
import Foundation

/// An error a command stops on with an exit status of cli.md, printed once by
/// `Disclose.main` as `disclose: 错误：MESSAGE` (`disclose: error: MESSAGE` in English)
/// like every other error.
struct CommandFailure: PhrasedError, CustomStringConvertible {
    var phrase: Phrase
    var status: Int32

    var description: String { phrase.en }

    /// The site's type declarations have errors: `check` reports them, and a command that
    /// needs the types stops with exit 1 (errors in the content).
    static let brokenTypeDeclarations = CommandFailure(
        phrase: Phrase("types/ 中的类型声明有错误；请运行 'disclose check' 查看",
                       en: "the type declarations in types/ have errors; run 'disclose check'"),
        status: ExitStatus.contentErrors)
}

/// The one place errors are printed and turned into exit statuses: every command lets
/// its errors escape to `Disclose.main`, which calls this.
enum ErrorReport {
    /// `disclose: 错误：MESSAGE` (`disclose: error: MESSAGE`) on standard error, the same
    /// prefix for every command.
    static func print(_ message: String) {
        Terminal.writeError(prefix + message + (message.hasSuffix("\n") ? "" : "\n"))
    }

    static func print(_ message: Phrase) {
        print(localized(message))
    }

    /// What every error line of every command begins with.
    static var prefix: String { localized("disclose: 错误：", en: "disclose: error: ") }

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
            print(failure.phrase)
            return failure.status
        case is ValidationError, is CleanExit:
            return argumentParserStatus(for: error, command: command)
        case _ where command.exitCode(for: error) == .success:
            // `disclose help COMMAND` asks for help by throwing from its run().
            return argumentParserStatus(for: error, command: command)
        case let phrased as PhrasedError:
            print(phrased.phrase)
            return ExitStatus.usage
        default:
            print(errorText(error))
            return ExitStatus.usage
        }
    }

    private static func argumentParserStatus(for error: Error, command: ParsableCommand.Type) -> Int32 {
        let message = ArgumentParserWords.translated(command.fullMessage(for: error), to: runLanguage)
        if command.exitCode(for: error) == .success {
            Terminal.writeOutput(message + "\n")
            return ExitStatus.ok
        }
        // ArgumentParser writes 'Error: '; every other error of ours has the one prefix.
        print(message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message)
        return ExitStatus.usage
    }
}
