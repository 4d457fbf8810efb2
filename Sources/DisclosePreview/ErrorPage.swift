import DisclosureKit

/// What the preview shows while the content has errors, in Chinese: a whole page when no
/// build has succeeded yet, and otherwise a panel at the top of every page of the last
/// good site. Each problem names its file, line and column, as `disclose check` prints
/// them; everything from the content is HTML-escaped. The problems are listed only for a
/// browser on the machine running the preview (`detailed`): a message may quote a
/// non-public record, and with `--host` other machines can reach the preview; they are
/// told how many problems there are and where to read them.
public enum ErrorPage {
    /// At most this many problems are listed; the rest are counted.
    static let listed = 200

    /// A whole page, for when there is no good site to show.
    public static func page(_ failure: BuildFailure, generation: Int, detailed: Bool) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>构建未通过 — disclose 预览</title>
        </head>
        <body>
        <main>
        \(panel(failure, headingLevel: 1, detailed: detailed))
        </main>
        \(ReloadScript.tag(generation: generation))
        </body>
        </html>

        """
    }

    /// `html` (a page of the last good site) with the panel put first in its body.
    public static func inject(_ failure: BuildFailure, into html: [UInt8], detailed: Bool) -> [UInt8] {
        let insertion = Array(panel(failure, headingLevel: 2, detailed: detailed).utf8)
        // The first `<body`: the opening tag comes before any of the page's text.
        guard let body = ReloadScript.firstIndex(of: Array("<body".utf8), in: html),
              let close = html[body...].firstIndex(of: UInt8(ascii: ">")) else { return insertion + html }
        var result = html
        result.insert(contentsOf: insertion, at: close + 1)
        return result
    }

    /// The list of problems, as a section; inline styles only, so that it reads the same
    /// over any site's style sheet.
    static func panel(_ failure: BuildFailure, headingLevel: Int, detailed: Bool) -> String {
        let errors = failure.diagnostics.errorCount
        let warnings = failure.diagnostics.warningCount
        let notes = failure.diagnostics.noteCount
        var summary = "最近一次构建未通过，预览仍显示上一次成功构建的网站。"
        if failure.diagnostics.isEmpty { summary = "最近一次构建未能完成，预览仍显示上一次成功构建的网站。" }
        if !failure.hasGoodSite { summary = "网站尚未构建成功，改正以下问题后本页会自动刷新。" }
        if failure.lastGoodSiteWithdrawn {
            summary = "最近一次构建未通过，且上一次成功构建的网站中有记录现已不再主动公开、已删除或无法读取（例如前置信息有错误），无法确认它仍可公开，预览因此暂停显示该网站。改正以下问题后本页会自动刷新。"
        }
        var items: [String] = []
        if !detailed {
            items.append("<li>问题的详情只显示在运行 disclose serve 的计算机上（其浏览器和终端），因为其中可能引用未公开的信息。</li>")
        }
        for diagnostic in failure.diagnostics.prefix(detailed ? listed : 0) {
            let kind = diagnostic.severity.word(.zh)
            let place = diagnostic.file.isEmpty
                ? ""
                : "<code>\(escape(diagnostic.file)):\(diagnostic.location.line):\(diagnostic.location.column)</code> "
            items.append("<li>\(place)<strong>\(kind)</strong>（\(escape(diagnostic.rule))）：\(escape(diagnostic.message.zh))</li>")
        }
        if detailed && failure.diagnostics.count > listed {
            items.append("<li>……另有 \(failure.diagnostics.count - listed) 条，见终端输出。</li>")
        }
        if detailed, let environment = failure.environmentError {
            items.append("<li><strong>错误</strong>：\(escape(environment))</li>")
        }
        let counts = failure.diagnostics.isEmpty ? "" : "（错误 \(errors) 条，警告 \(warnings) 条\(notes == 0 ? "" : "，提示 \(notes) 条")）"
        return """
        <section id="disclose-preview-errors" lang="zh-CN" role="alert" aria-labelledby="disclose-preview-errors-title" \
        style="background:#fff4f4;color:#1a1a1a;border:3px solid #b00020;margin:0;padding:1em;font:16px/1.6 sans-serif">
        <h\(headingLevel) id="disclose-preview-errors-title" style="color:#b00020;margin:0 0 .5em;font-size:1.25em">\
        构建未通过\(counts)</h\(headingLevel)>
        <p style="margin:0 0 .5em">\(summary)</p>
        <ol style="margin:0;padding-left:1.5em">
        \(items.joined(separator: "\n"))
        </ol>
        </section>
        """
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// Why the latest build did not replace the preview's site.
public struct BuildFailure: Sendable, Equatable {
    public var diagnostics: [Diagnostic]
    /// A build that could not run at all (an unreadable root, say).
    public var environmentError: String?
    /// Whether an earlier build succeeded and its site is still served.
    public var hasGoodSite: Bool
    /// Whether an earlier build succeeded but its site is no longer served, because a
    /// record it shows is no longer public (`StillPublicCheck`).
    public var lastGoodSiteWithdrawn: Bool

    public init(diagnostics: [Diagnostic], environmentError: String? = nil, hasGoodSite: Bool,
                lastGoodSiteWithdrawn: Bool = false) {
        self.diagnostics = diagnostics
        self.environmentError = environmentError
        self.hasGoodSite = hasGoodSite && !lastGoodSiteWithdrawn
        self.lastGoodSiteWithdrawn = lastGoodSiteWithdrawn
    }
}
