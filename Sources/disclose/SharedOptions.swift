import ArgumentParser
import DisclosureKit

// The options several commands share, declared once with their help text: a command
// takes the groups it needs with `@OptionGroup`, so `--root` means the same in every one.

/// `--root DIR`: the site root a command reads.
struct SiteRootOption: ParsableArguments {
    @Option(name: .long, help: "The site root (the folder holding content/).")
    var root: String = "."
}

/// `--format`: how diagnostics are printed.
struct DiagnosticFormatOption: ParsableArguments {
    @Option(name: .long, help: "How to print diagnostics: text (standard error), json or github (standard output).")
    var format: DiagnosticFormat = .text
}

/// The options of the commands that check the content (`check`, `build`): what counts as
/// an error, the day of judgement, the progress line.
struct ContentCheckOptions: ParsableArguments {
    @Flag(name: .long, help: "Treat every warning as an error.")
    var strict = false

    @OptionGroup var day: AsOfOption

    @Flag(name: .long, help: "No progress line (there is none anyway when standard error is not a terminal).")
    var quiet = false

    /// The `--as-of` day, once `validate()` has accepted it.
    var asOfDate: CalendarDate? { day.asOfDate }
}

/// `--as-of YYYY-MM-DD`: the day the site is judged on; equal days give equal sites.
struct AsOfOption: ParsableArguments {
    @Option(name: .long, help: "The day the site is judged on, YYYY-MM-DD (default: today in site.yaml's time_zone): records published after it are held back as scheduled, and policies' 有效期至 are judged against it.")
    var asOf: String?

    func validate() throws {
        if let asOf, case .failure(let error) = AsOfDate.parse(asOf) { throw ValidationError(error.description) }
    }

    /// The `--as-of` day, once `validate()` has accepted it.
    var asOfDate: CalendarDate? {
        asOf.flatMap { try? AsOfDate.parse($0).get() }
    }
}
