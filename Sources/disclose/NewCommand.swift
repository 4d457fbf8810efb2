import ArgumentParser
import DisclosureKit
import Foundation

/// `disclose new TYPE SLUG`: write a record skeleton with every required field of TYPE.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a record skeleton with every required field of TYPE to ROOT/content/SECTION/SLUG.md."
    )

    @Argument(help: "A type id: policy, budget, guide, report, notice, plan, personnel, decision, or one the site declares in types/.")
    var type: String

    @Argument(help: "The file name without .md: lower-case letters, digits and '-'.")
    var slug: String

    @Option(name: .long, help: "The site root (the folder holding content/).")
    var root: String = "."

    func validate() throws {
        let types = TypeRegistry.load(root: root).0
        guard types.type(id: type) != nil else {
            throw ValidationError("TYPE must be one of \(types.types.map(\.id).joined(separator: ", ")), not '\(type)'")
        }
        guard RecordSkeletonWriter.isValidSlug(slug) else {
            throw ValidationError("SLUG must be lower-case letters a-z, digits and '-', starting with a letter or digit, at most 80 characters, not '\(slug)'")
        }
    }

    func run() throws {
        let (types, problems) = TypeRegistry.load(root: root)
        if problems.errorCount > 0 {
            Terminal.writeError("disclose: error: the type declarations in types/ have errors; run 'disclose check'\n")
            throw ExitCode(ExitStatus.contentErrors)
        }
        let recordType = types.type(id: type)!
        do {
            let path = try RecordSkeletonWriter.write(type: recordType, slug: slug, root: root, today: .today())
            Terminal.writeError("wrote \(path): fill in every <待填写 …> placeholder, then run 'disclose check'\n")
        } catch {
            Terminal.writeError("disclose: error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
    }
}
