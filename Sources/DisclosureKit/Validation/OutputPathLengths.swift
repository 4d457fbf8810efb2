/// The paths the build writes are opened whole, and the system opens none longer than
/// PATH_MAX: a page or attachment deep in folders whose source path fits could still be
/// written at a path over it, in the staging directory beside the output (its path plus a
/// few dozen bytes). The build then stopped with an environment error naming the staged
/// file, after `check` had passed. Each such file is reported at its source instead
/// (`file.name`), by the build for its output and by `check` for the default output
/// (`ROOT/site`).
public enum OutputPathLengths {
    /// How much longer the staging directory's path is than the output's: the
    /// `.disclose-staging-` prefix, a `-`, a process id and a random number
    /// (`OutputDirectory.makeStaging`), with room to spare.
    static let stagingAllowance = 64

    /// A finding for each file of `plan` whose path under `output` (an absolute path),
    /// staged, would be too long to open.
    public static func check(_ plan: SitePlan, output: String) -> [Diagnostic] {
        let base = output.utf8.count + stagingAllowance + 1
        let limit = FileName.maximumPathBytes
        guard plan.recordPages.contains(where: { page in
            base + page.path.utf8.count > limit || page.attachments.contains { base + $0.path.utf8.count > limit }
        }) || plan.fixedPages.contains(where: { fixed in
            base + fixed.path.utf8.count > limit || fixed.attachments.contains { base + $0.path.utf8.count > limit }
        }) else { return [] }
        let sources = Dictionary(plan.view.attachments.map { ($0.attachment.absolutePath, $0.attachment.relativePath) }
                                     + plan.view.pageAttachments.map { ($0.file.absolutePath, $0.file.relativePath) },
                                 uniquingKeysWith: { first, _ in first })
        func finding(_ source: String, _ path: String, what: Phrase) -> Diagnostic {
            Rule.fileName.diagnostic(source, .fileStart,
                Phrase("\(what.zh)会写到 \(output) 中的 \(path)，加上构建的暂存文件夹，路径约 \(base + path.utf8.count) 字节，超过系统上限 \(limit)；请缩短文件夹名（或构建到较短的输出路径），否则不会写出",
                       en: "\(what.en) would be written at \(path) in \(output), a path of about \(base + path.utf8.count) bytes with the build's staging folder, over the system's limit of \(limit); shorten the folder names (or build into a shorter output path), it is not written"))
        }
        var diagnostics: [Diagnostic] = []
        for page in plan.recordPages {
            if base + page.path.utf8.count > limit {
                diagnostics.append(finding(page.record.file.relativePath, page.path, what: Phrase("本记录的页面", en: "the page of this record")))
            }
            for attachment in page.attachments where base + attachment.path.utf8.count > limit {
                diagnostics.append(finding(sources[attachment.source] ?? attachment.source, attachment.path, what: Phrase("该附件", en: "this attachment")))
            }
        }
        for fixed in plan.fixedPages {
            if base + fixed.path.utf8.count > limit {
                diagnostics.append(finding(fixed.page.file.relativePath, fixed.path, what: Phrase("该页面", en: "this page")))
            }
            for attachment in fixed.attachments where base + attachment.path.utf8.count > limit {
                diagnostics.append(finding(sources[attachment.source] ?? attachment.source, attachment.path, what: Phrase("该附件", en: "this attachment")))
            }
        }
        return diagnostics
    }
}
