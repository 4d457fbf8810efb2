import Foundation
import Testing

/// A scratch copy of the sample site with files added, and `check` and `build` run on it.
struct SampleSite {
    let tmp: TemporaryDirectory
    let root: URL

    /// The sample site plus `files` (paths relative to the site root); without its
    /// publisher registry unless `keepingPublishers` (`TemporaryDirectory.copy`).
    init(adding files: [String: String] = [:], keepingPublishers: Bool = false) throws {
        tmp = try TemporaryDirectory()
        root = try tmp.copy(fixture: "sample", keepingPublishers: keepingPublishers)
        for (path, text) in files { try add(text, at: path) }
    }

    /// An on-request policy of the sample's finance bureau, for the leak tests: the record
    /// they plant as `content/policies/internal-99.md` and look for in the output.
    static func onRequestPolicy(title: String, index: String, body: String) -> String {
        """
        ---
        title: \(title)
        index_number: \(index)
        disclosure: on-request
        publisher: 明湖区财政局
        created: 2024-01-15
        document_number: 明财函〔2024〕99号
        ---
        \(body)

        """
    }

    func add(_ text: String, at path: String) throws {
        try tmp.write(text, to: "sample/" + path)
    }

    func add(_ data: Data, at path: String) throws {
        try tmp.write(data, to: "sample/" + path)
    }

    /// `disclose check --format json`: the run and its diagnostics.
    func check(_ extra: [String] = []) throws -> (Disclose.Result, [[String: Any]]) {
        let result = try Disclose.run(["check", "--root", root.path, "--format", "json"] + extra)
        return (result, try Disclose.diagnostics(result))
    }

    func build(_ extra: [String] = []) throws -> Disclose.Result {
        try Disclose.run(["build", "--root", root.path] + extra)
    }

    /// The built site (`site/`).
    func output() throws -> SiteTree {
        try SiteTree(root.appendingPathComponent("site"))
    }

    /// `file:line:column rule` of each diagnostic.
    static func places(_ diagnostics: [[String: Any]]) -> [String] {
        diagnostics.map { "\($0["file"] as! String):\($0["line"] as! Int):\($0["column"] as! Int) \($0["rule"] as! String)" }
    }

    /// A valid proactive policy whose front matter ends with `extra` lines; `disclosure`
    /// replaces its `disclosure: proactive` line (nil leaves it out, for `extra` to give).
    static func policy(title: String = "测试政策", index: Int = 1, disclosure: String? = "disclosure: proactive",
                       extra: String = "", body: String = "正文。\n") -> String {
        var lines = [
            "---",
            "title: \(title)",
            "index_number: 11450100MB0000009Z/2024-\(String(format: "%05d", 90000 + index))",
        ]
        if let disclosure { lines.append(disclosure) }
        lines += [
            "publisher: 测试局",
            "created: 2024-01-15",
            "published: 2024-01-16",
            "review: {reviewer: 审查人, date: 2024-01-16}",
            "document_number: 测〔2024〕\(index)号",
        ]
        if !extra.isEmpty { lines.append(extra) }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n" + body
    }
}

/// What the repository's sample site holds, counted from its files, so tests about the
/// sample need no update when a record is added.
enum SampleRecords {
    /// The record files under content/ (Markdown with a `disclosure:` key). A proactive
    /// record is public once today (in the sample's time zone, Asia/Shanghai) reaches its
    /// `published`; before, it is scheduled.
    static var files: [(path: String, isPublic: Bool, isScheduled: Bool)] {
        let content = Disclose.packageRoot.appendingPathComponent("content")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let today = calendar.dateComponents([.year, .month, .day], from: Date())
        let todayText = String(format: "%04d-%02d-%02d", today.year!, today.month!, today.day!)
        var found: [(String, Bool, Bool)] = []
        let walker = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "md", let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let lines = text.split(separator: "\n")
            guard let line = lines.first(where: { $0.hasPrefix("disclosure:") }) else { continue }
            let value = line.dropFirst("disclosure:".count).trimmingCharacters(in: .whitespaces)
            let published = lines.first(where: { $0.hasPrefix("published:") })
                .map { $0.dropFirst("published:".count).trimmingCharacters(in: .whitespaces) } ?? ""
            let proactive = value == "proactive" || value == "主动公开"
            let scheduled = proactive && published > todayText
            found.append((url.path, proactive && !scheduled, scheduled))
        }
        return found
    }

    static var count: Int { files.count }
    static var publicCount: Int { files.filter(\.isPublic).count }
    static var scheduledCount: Int { files.filter(\.isScheduled).count }
    /// The scheduled records' paths as diagnostics name them (`content/…`).
    static var scheduledPaths: Set<String> {
        let root = Disclose.packageRoot.path + "/"
        return Set(files.filter(\.isScheduled).map { String($0.path.dropFirst(root.count)) })
    }
    /// The summary line `check` ends with on the sample: its scheduled records are notes.
    static var checkSummary: String {
        let notes = scheduledCount
        let noteText = notes == 0 ? "" : ", \(notes) \(notes == 1 ? "note" : "notes")"
        return "0 errors, 0 warnings\(noteText) in \(count) records\n"
    }
}
