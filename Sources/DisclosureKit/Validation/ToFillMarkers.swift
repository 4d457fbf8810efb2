import Foundation

/// The `【待填写】` markers `disclose init` leaves in `site.yaml` and the 公开指南 where the
/// site's own facts go, wherever they are left (a record's summary or body too: the
/// record decoder looks for them in its text). Each is a warning at its line and column, naming what follows it:
/// a new site checks and builds while the webmaster fills it in, and `--strict` (CI)
/// refuses it until every marker is gone.
public enum ToFillMarkers {
    public static let marker = "【待填写】"
    /// The `base_url` of a new site (`NewSiteFiles`): a valid address, so no marker, but
    /// every absolute link of the site (sitemap, feed, catalog) would point at it.
    public static let placeholderBaseURL = "https://www.example.gov.cn/xxgk/"
    static let placeholderBaseURLMessage = Phrase(
        "'base_url' 仍是新站点的示例地址 \(placeholderBaseURL)：请写入站点将要发布的地址（站点地图、订阅源和 catalog.json 都链接到它）",
        en: "'base_url' is still the new site's example \(placeholderBaseURL): write the address the site will be published at (the sitemap, the feed and catalog.json link to it)")

    /// The markers of `content/site.yaml` and every fixed page of the tree.
    static func check(_ tree: ContentTree) -> [Diagnostic] {
        var files: [(relative: String, absolute: String)] = []
        if let site = tree.siteFile { files.append(("content/site.yaml", site)) }
        files += tree.pages.map { ($0.relativePath, $0.absolutePath) }
        return files.flatMap { file -> [Diagnostic] in
            // Unreadable or not UTF-8: the file's own rules report it.
            guard let bytes = try? FileIO.readBytes(file.absolute, limit: SourceText.maximumFileBytes),
                  case .success(let text) = SourceText.decode(bytes) else { return [] }
            return diagnostics(in: text, file: file.relative)
        }
    }

    private static let markerBytes = Array(marker.utf8)

    /// True when `text` holds `marker`, compared byte for byte (both are UTF-8, and the
    /// marker is one precomposed form with nothing to fold).
    static func holdsMarker(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.holdsRun(markerBytes) }
    }

    /// One warning per marker in `text`; the column counts characters, as every column does.
    public static func diagnostics(in text: String, file: String) -> [Diagnostic] {
        // Most files hold no marker: one search of the whole text's bytes tells (Foundation's
        // `contains` compares character clusters with folding, and every record's text is
        // searched: a twentieth of a build's CPU).
        guard holdsMarker(text) else { return [] }
        // A byte order mark is no column.
        let text = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        var found: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let range = rest.range(of: marker) {
                let column = line.unicodeScalars[line.startIndex..<range.lowerBound].count + 1
                let after = rest[range.upperBound...]
                // What is to be filled in: the words after the marker, to the sentence's end.
                let what = String(after.prefix { !"【。；".contains($0) }).trimmed
                let named = what.isEmpty ? "" : " '\(what.count > 60 ? String(what.prefix(60)) + "…" : what)'"
                found.append(Rule.contentToFill.diagnostic(file, SourceLocation(line: index + 1, column: column),
                    Phrase("\(marker)\(named) 尚待填写：请写入本站自己的内容，并删除该标记",
                           en: "\(marker)\(named) is left to fill in: write the site's own text and delete the marker")))
                rest = after
            }
        }
        return found
    }
}
