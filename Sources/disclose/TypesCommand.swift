import ArgumentParser
import DisclosureKit
import Foundation

/// `disclose types`: the record types and their fields, as the reference's tables.
struct TypesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "types",
        abstract: localized("以 Markdown 列出记录类型及其字段：内置的类型，使用 --root 时还有该站点自己声明的类型。",
                           en: "Print the record types and their fields (Markdown): the built-in ones, and with --root the site's own too.")
    )

    @Option(name: .long, help: ArgumentHelp(localized("一并列出其 types/ 中类型声明的站点根目录。",
                                                      en: "A site root whose types/ declarations to include.")))
    var root: String?

    /// `--lang`, last: a setting of the run, not of the command's task.
    @OptionGroup var language: LanguageOption

    func run() throws {
        var types = TypeRegistry.builtIn
        if let root {
            // A root that is no folder is a usage error (exit 2), as for every command.
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw EnvironmentError(Phrase("站点根目录 '\(root)' 不是可读取的文件夹", en: "the site root '\(root)' is not a readable directory"))
            }
            let (loaded, problems) = TypeRegistry.load(root: root)
            if problems.errorCount > 0 {
                throw CommandFailure.brokenTypeDeclarations
            }
            types = loaded
        }
        print(TypeReference.markdown(types), terminator: "")
    }
}
