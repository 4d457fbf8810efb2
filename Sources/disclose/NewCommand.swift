import ArgumentParser
import DisclosureKit
import Foundation

/// `disclose new TYPE SLUG`: write a record skeleton with every required field of TYPE.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a record skeleton with every required field of TYPE to ROOT/content/SECTION/SLUG.md."
    )

    @OptionGroup var language: LanguageOption

    /// Every built-in type with its Chinese name; a site's own are listed by 'disclose types --root'.
    static let typeHelp = "A type's id or Chinese name: "
        + TypeRegistry.builtIn.types.map { "\($0.id) (\($0.chineseName))" }.joined(separator: ", ")
        + ", or one the site declares in types/ (listed by 'disclose types --root ROOT')."

    @Argument(help: ArgumentHelp(NewCommand.typeHelp))
    var type: String

    @Argument(help: "The file name without .md: lower-case letters, digits and '-'; SUB/SLUG (such as 2024/SLUG) puts it in a sub-folder of the section.")
    var slug: String

    @Option(name: .long, help: "A publisher of site.yaml's 'publishers' (full or short name): writes its full name and its next free index number (索引号) of this year.")
    var publisher: String?

    @OptionGroup var site: SiteRootOption

    var root: String { site.root }

    func validate() throws {
        let (types, problems) = TypeRegistry.load(root: root)
        guard types.type(idOrName: type) != nil else {
            let known = types.types.map { "\($0.id) (\($0.chineseName))" }.joined(separator: ", ")
            // The file that declares TYPE but was refused, when there is one: the author
            // should hear that the declaration is broken, not that the type is unknown.
            let declaring = Set(problems.map(\.file)).sorted().first { file in
                let text = (try? String(contentsOfFile: (root as NSString).appendingPathComponent(file), encoding: .utf8)) ?? ""
                return text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "id: \(type)" }
            }
            let broken = declaring.map { "; \($0) declares '\(type)' but has errors, so it declares no type: run 'disclose check'" }
                ?? (problems.errorCount > 0
                    ? "; the type declarations in types/ have errors, and a broken declaration declares no type: run 'disclose check'" : "")
            throw ValidationError("TYPE must be one of \(known), not '\(type)'\(broken)")
        }
        guard NewRecordPlanner.split(slug) != nil else {
            throw ValidationError("SLUG must be lower-case letters a-z, digits and '-', starting with a letter or digit, at most 80 characters, optionally after up to \(NewRecordPlanner.maximumDepth) sub-folders named the same way (2024/SLUG), not '\(slug)'")
        }
    }

    func run() throws {
        let (types, problems) = TypeRegistry.load(root: root)
        if problems.errorCount > 0 {
            throw CommandFailure.brokenTypeDeclarations
        }
        let recordType = types.type(idOrName: type)!
        let today = CalendarDate.today()
        let plan = try NewRecordPlanner.plan(root: root, type: recordType, path: slug, publisher: publisher, today: today)
        let path = try RecordSkeletonWriter.write(type: recordType, plan: plan, root: root, today: today)
        Terminal.writeError("wrote \(path): fill in every <待填写 …> placeholder, then run 'disclose check'\n")
    }
}
