import ArgumentParser
import DisclosureKit

/// `disclose init DIR`: a new site to fill in.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: localized("在 DIR（新建或空的文件夹）中写入一个新网站：带中文注释的 site.yaml、各栏目文件夹、待填写的公开指南和 .gitignore。",
                           en: "Write a new site into DIR (new or empty): site.yaml commented in Chinese, the section folders, a 公开指南 to fill in, a .gitignore.")
    )

    @Argument(help: ArgumentHelp(localized("新网站的文件夹；不存在时新建，其中已有任何内容时拒绝。",
                                           en: "The folder of the new site; made when missing, refused when it holds anything.")))
    var directory: String

    @Flag(name: .long, help: ArgumentHelp(localized("把默认模板复制到 DIR/templates/，以便定制。",
                                                    en: "Copy the default templates into DIR/templates/ to customise them.")))
    var withTemplates = false

    /// `--lang`, last: a setting of the run, not of the command's task.
    @OptionGroup var language: LanguageOption

    func run() throws {
        try NewSiteWriter.write(into: directory, withTemplates: withTemplates)
        Terminal.writeError(localized("""
            已在 \(directory) 中写入新网站：请填写 content/site.yaml 和 content/pages/guide.md 中的每一处【待填写】\
            （'disclose check --root \(directory)' 会逐一列出），然后用 'disclose new TYPE SLUG --root \(directory)' 添加记录

            """, en: """
            wrote a new site in \(directory): fill in every 【待填写】 in content/site.yaml and content/pages/guide.md \
            ('disclose check --root \(directory)' lists them), then add records with 'disclose new TYPE SLUG --root \(directory)'

            """))
    }
}
