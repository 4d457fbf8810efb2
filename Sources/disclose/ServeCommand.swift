import ArgumentParser
import DisclosePreview
import DisclosureKit
import Foundation

/// `disclose serve`: a live preview of the site, rebuilt as its inputs change.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site at http://127.0.0.1:PORT/, rebuilt and reloaded as records, pages, templates, types or site.yaml change.",
        discussion: """
        The preview builds into a temporary folder of its own (never ROOT/site), serves only what a \
        build that passed its audit committed, and shows the diagnostics on the pages while the \
        content has errors. Ctrl-C stops it and removes its folder.
        """
    )

    @OptionGroup var language: LanguageOption

    @OptionGroup var site: SiteRootOption

    var root: String { site.root }

    @Option(name: .long, help: "The port to listen on; 0 lets the system choose one (the URL is printed).")
    var port: Int = PreviewServer.defaultPort

    @Option(name: .long, help: "The address to listen on; anything but loopback lets other machines see the preview.")
    var host: String = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(phrase: Phrase("站点根目录 '\(root)' 不是可读的文件夹", en: "the site root '\(root)' is not a readable directory"), status: ExitStatus.usage)
        }
        if !PreviewServer.isLoopback(host) {
            Terminal.writeError("disclose: warning: --host \(host) is not a loopback address: other machines that can reach it can read the preview\n")
        }
        var server = PreviewServer(root: root, host: host, port: port)
        server.listening = { url in
            Terminal.writeOutput("disclose serve: previewing \(url) (Ctrl-C to stop)\n")
        }
        server.built = { outcome, lastGoodSiteShown in
            let failed = lastGoodSiteShown
                ? "disclose serve: build failed; still serving the last good site, with the problems on its pages\n"
                : "disclose serve: build failed; no site is served (a record of the last good site is no longer public or is gone, or none built yet): every address answers 503 with the problems until a build succeeds\n"
            switch outcome {
            case .success(let report):
                DiagnosticReport(format: .text).print(report.diagnostics, records: report.recordFiles)
                if !report.committed {
                    Terminal.writeOutput(failed)
                } else if report.upToDate {
                    Terminal.writeOutput("disclose serve: site up to date\n")
                } else {
                    Terminal.writeOutput("disclose serve: site rebuilt (\(report.filesWritten) files, \(report.filesWritten - report.filesCarried) new or changed)\n")
                }
            case .failure(let error):
                ErrorReport.print("\(error)")
                Terminal.writeOutput(failed)
            }
        }
        // A port in use or an unreadable root escapes to ErrorReport: an environment error, exit 2.
        try server.runBlocking()
        Terminal.writeOutput("disclose serve: stopped; the preview's folder is removed\n")
    }
}
