import ArgumentParser
import DisclosureKit
import Foundation

/// `disclose new TYPE SLUG`: write a record skeleton with every required field of TYPE.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a record skeleton with every required field of TYPE to ROOT/content/SECTION/SLUG.md."
    )

    @Argument(help: "policy, budget, guide or report.")
    var type: String

    @Argument(help: "The file name without .md: lower-case letters, digits and '-'.")
    var slug: String

    @Option(name: .long, help: "The site root (the folder holding content/).")
    var root: String = "."

    func validate() throws {
        guard RecordType(rawValue: type) != nil else {
            throw ValidationError("TYPE must be one of policy, budget, guide, report, not '\(type)'")
        }
        guard RecordSkeletonWriter.isValidSlug(slug) else {
            throw ValidationError("SLUG must be lower-case letters a-z, digits and '-', starting with a letter or digit, at most 80 characters, not '\(slug)'")
        }
    }

    func run() throws {
        let recordType = RecordType(rawValue: type)!
        do {
            let path = try RecordSkeletonWriter.write(type: recordType, slug: slug, root: root, today: .today())
            Terminal.writeError("wrote \(path): fill in every <待填写 …> placeholder, then run 'disclose check'\n")
        } catch {
            Terminal.writeError("disclose: error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
    }
}
