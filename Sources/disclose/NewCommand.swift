import ArgumentParser
import DisclosureKit
import Foundation

/// `disclose new TYPE SLUG`: write a record skeleton with every required field of TYPE.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: localized("在 ROOT/content/SECTION/SLUG.md 写入一条 TYPE 类型的记录框架，列出该类型的每个必填字段。",
                           en: "Write a record skeleton with every required field of TYPE to ROOT/content/SECTION/SLUG.md.")
    )

    /// Every built-in type with its Chinese name; a site's own are listed by 'disclose types --root'.
    static let typeHelp = localized(
        "类型的 id 或中文名称：" + builtInTypes + "，或站点在 types/ 中声明的类型（用 'disclose types --root ROOT' 列出）。",
        en: "A type's id or Chinese name: " + builtInTypes + ", or one the site declares in types/ (listed by 'disclose types --root ROOT').")

    private static let builtInTypes = TypeRegistry.builtIn.types.map { "\($0.id) (\($0.chineseName))" }.joined(separator: ", ")

    @Argument(help: ArgumentHelp(NewCommand.typeHelp))
    var type: String

    @Argument(help: ArgumentHelp(localized(
        "文件名（不含 .md）：小写字母、数字和 '-'；写作 SUB/SLUG（例如 2024/SLUG）时放在栏目文件夹的子文件夹中。",
        en: "The file name without .md: lower-case letters, digits and '-'; SUB/SLUG (such as 2024/SLUG) puts it in a sub-folder of the section.")))
    var slug: String

    @Option(name: .long, help: ArgumentHelp(localized(
        "site.yaml 的 'publishers' 中的一个发布机构（全称或简称）：写入其全称，以及它今年下一个未用的索引号。",
        en: "A publisher of site.yaml's 'publishers' (full or short name): writes its full name and its next free index number (索引号) of this year.")))
    var publisher: String?

    @OptionGroup var site: SiteRootOption

    /// `--lang`, last: a setting of the run, not of the command's task.
    @OptionGroup var language: LanguageOption

    var root: String { site.root }

    func validate() throws {
        let (types, problems) = TypeRegistry.load(root: root)
        guard types.type(idOrName: type) != nil else {
            let known = types.types.map { "\($0.id) (\($0.chineseName))" }.joined(separator: ", ")
            // The file that declares TYPE but was refused, when there is one: the author
            // should hear that the declaration is broken, not that the type is unknown.
            // Then the command was used right and the content is wrong: `run` says so
            // with exit 1, as `check` would, and no usage text.
            if declaringBrokenFile(problems) != nil { return }
            let broken = problems.errorCount > 0
                ? Phrase("；types/ 中的类型声明有错误，有错误的声明不声明任何类型：请运行 'disclose check'",
                         en: "; the type declarations in types/ have errors, and a broken declaration declares no type: run 'disclose check'")
                : Phrase("", en: "")
            throw ValidationError(localized(Phrase("TYPE 必须是以下之一：\(known)，而不是 '\(type)'", en: "TYPE must be one of \(known), not '\(type)'") + broken))
        }
        guard NewRecordPlanner.split(slug) != nil else {
            let depth = NewRecordPlanner.maximumDepth
            throw ValidationError(localized(
                "SLUG 只能由小写字母 a-z、数字和 '-' 组成，以字母或数字开头，至多 80 个字符，前面可以有至多 \(depth) 层同样命名的子文件夹（2024/SLUG），而不是 '\(slug)'",
                en: "SLUG must be lower-case letters a-z, digits and '-', starting with a letter or digit, at most 80 characters, optionally after up to \(depth) sub-folders named the same way (2024/SLUG), not '\(slug)'"))
        }
    }

    /// The file of `types/` that declares TYPE but was refused (its errors in `problems`).
    func declaringBrokenFile(_ problems: [Diagnostic]) -> String? {
        Set(problems.map(\.file)).sorted().first { file in
            let text = (try? String(contentsOfFile: (root as NSString).appendingPathComponent(file), encoding: .utf8)) ?? ""
            return text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "id: \(type)" }
        }
    }

    func run() throws {
        let (types, problems) = TypeRegistry.load(root: root)
        if problems.errorCount > 0 {
            if types.type(idOrName: type) == nil, let declaring = declaringBrokenFile(problems) {
                throw CommandFailure(phrase: Phrase("\(declaring) 声明了类型 '\(type)'，但它有错误，因此没有声明任何类型：请运行 'disclose check' 查看并改正",
                                                    en: "\(declaring) declares the type '\(type)' but has errors, so it declares no type: run 'disclose check'"),
                                     status: ExitStatus.contentErrors)
            }
            throw CommandFailure.brokenTypeDeclarations
        }
        let recordType = types.type(idOrName: type)!
        let today = CalendarDate.today()
        let plan = try NewRecordPlanner.plan(root: root, type: recordType, path: slug, publisher: publisher, today: today)
        let path = try RecordSkeletonWriter.write(type: recordType, plan: plan, root: root, today: today)
        Terminal.writeError(localized("已写入 \(path)：请把每一处 <待填写 …> 占位内容填写完整，然后运行 'disclose check'\n",
                                      en: "wrote \(path): fill in every <待填写 …> placeholder, then run 'disclose check'\n"))
    }
}
