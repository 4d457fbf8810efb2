import ArgumentParser
import DisclosureKit

/// `disclose rules`: the rule table of the README, generated from the code.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Print every rule with its severity as a Markdown table."
    )

    @OptionGroup var language: LanguageOption

    func run() throws {
        Terminal.writeOutput(Rule.markdownTable(runLanguage))
    }
}
