import ArgumentParser
import DisclosePreview
import DisclosureKit
import Foundation

/// `disclose serve`: a live preview of the site, rebuilt as its inputs change.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: localized("在 http://127.0.0.1:PORT/ 预览网站；记录、页面、模板、类型或 site.yaml 改动后自动重新构建并刷新页面。",
                            en: "Preview the site at http://127.0.0.1:PORT/, rebuilt and reloaded as records, pages, templates, types or site.yaml change."),
        discussion: localized("""
        预览构建到它自己的临时文件夹（从不写入 ROOT/site），只提供通过审查并已提交的构建结果；\
        内容有错误时，在页面上显示诊断信息。按 Ctrl-C 停止预览并删除它的文件夹。
        """, en: """
        The preview builds into a temporary folder of its own (never ROOT/site), serves only what a \
        build that passed its audit committed, and shows the diagnostics on the pages while the \
        content has errors. Ctrl-C stops it and removes its folder.
        """)
    )

    @OptionGroup var site: SiteRootOption

    var root: String { site.root }

    @Option(name: .long, help: ArgumentHelp(localized("监听的端口；0 表示由系统选择一个（会打印出地址）。",
                                                      en: "The port to listen on; 0 lets the system choose one (the URL is printed).")))
    var port: Int = PreviewServer.defaultPort

    @Option(name: .long, help: ArgumentHelp(localized("监听的地址；不是回环地址时，其他计算机也能看到预览。",
                                                      en: "The address to listen on; anything but loopback lets other machines see the preview.")))
    var host: String = "127.0.0.1"

    /// `--lang`, last: a setting of the run, not of the command's task.
    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError(localized("--port 必须在 0 到 65535 之间，而不是 \(port)", en: "--port must be from 0 to 65535, not \(port)"))
        }
        guard !host.isEmpty else { throw ValidationError(localized("--host 不能为空", en: "--host must not be empty")) }
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(phrase: Phrase("站点根目录 '\(root)' 不是可读的文件夹", en: "the site root '\(root)' is not a readable directory"), status: ExitStatus.usage)
        }
        // A root that is no site at all is refused as `build` refuses it; a content/ that
        // goes away while the preview runs is a failed build, shown on every address.
        guard FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent("content"), isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw CommandFailure(phrase: Phrase("站点根目录 '\(root)' 下没有 content/ 文件夹", en: "no content/ directory under the site root '\(root)'"),
                                 status: ExitStatus.usage)
        }
        if !PreviewServer.isLoopback(host) {
            Terminal.writeError(localized("disclose: 警告：--host \(host) 不是回环地址：能访问到它的其他计算机都能看到预览\n",
                                          en: "disclose: warning: --host \(host) is not a loopback address: other machines that can reach it can read the preview\n"))
        }
        var server = PreviewServer(root: root, host: host, port: port)
        server.listening = { url in
            // A space after the URL in Chinese too, so that a terminal's link ends with it.
            Terminal.writeOutput(localized("disclose serve: 正在预览 \(url) （按 Ctrl-C 停止）\n",
                                           en: "disclose serve: previewing \(url) (Ctrl-C to stop)\n"))
        }
        server.built = { outcome, lastGoodSiteShown in
            let failed = lastGoodSiteShown
                ? localized("disclose serve: 构建失败；仍在提供上一次成功构建的网站，问题显示在其页面上\n",
                            en: "disclose serve: build failed; still serving the last good site, with the problems on its pages\n")
                : localized("disclose serve: 构建失败；现在不提供任何网站（上一次成功构建的网站中有记录已不再主动公开或已删除，或者还没有成功构建过）：构建成功之前，每个地址都以 503 显示问题\n",
                            en: "disclose serve: build failed; no site is served (a record of the last good site is no longer public or is gone, or none built yet): every address answers 503 with the problems until a build succeeds\n")
            switch outcome {
            case .success(let report):
                DiagnosticReport(format: .text).print(report.diagnostics, records: report.recordFiles)
                if !report.committed {
                    Terminal.writeOutput(failed)
                } else if report.upToDate {
                    Terminal.writeOutput(localized("disclose serve: 网站已是最新\n", en: "disclose serve: site up to date\n"))
                } else {
                    let changed = report.filesWritten - report.filesCarried
                    Terminal.writeOutput(localized("disclose serve: 网站已重新构建（\(report.filesWritten) 个文件，其中新增或改动 \(changed) 个）\n",
                                                   en: "disclose serve: site rebuilt (\(report.filesWritten) files, \(changed) new or changed)\n"))
                }
            case .failure(let error):
                ErrorReport.print(errorText(error))
                Terminal.writeOutput(failed)
            }
        }
        // A port in use or an unreadable root escapes to ErrorReport: an environment error, exit 2.
        try server.runBlocking()
        Terminal.writeOutput(localized("disclose serve: 已停止；预览的文件夹已删除\n", en: "disclose serve: stopped; the preview's folder is removed\n"))
    }
}
