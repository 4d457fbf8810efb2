import DisclosureKit
import Foundation
import Testing

/// A built site read back from disk: every file's bytes by relative path.
struct SiteTree {
    let root: URL
    let files: [String: Data]

    init(_ root: URL) throws {
        self.root = root
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[relative] = try Data(contentsOf: root.appendingPathComponent(relative)) }
        }
        self.files = files
    }

    var pages: [String] { files.keys.filter { $0.hasSuffix(".html") }.sorted() }

    func text(_ path: String) -> String { String(decoding: files[path] ?? Data(), as: UTF8.self) }

    /// Every problem a kiosk or an upload would hit: broken links and fragments, resources
    /// from outside the tree, absolute paths, pages without lang or title.
    func problems() -> [String] {
        var problems: [String] = []
        var anchors: [String: Set<String>] = [:]
        var parsed: [String: HTMLPage] = [:]
        for path in pages {
            let page = HTMLPage(Array(files[path]!))
            parsed[path] = page
            anchors[path] = page.anchors
        }
        for path in pages {
            let page = parsed[path]!
            if page.language?.isEmpty ?? true { problems.append("\(path): no lang") }
            if page.title?.isEmpty ?? true { problems.append("\(path): no title") }
            if page.headingOneCount != 1 { problems.append("\(path): \(page.headingOneCount) h1") }
            for reference in page.references {
                let value = reference.value
                let lower = value.lowercased()
                if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
                    if reference.loads { problems.append("\(path): external resource \(reference.element) \(value)") }
                    continue
                }
                if lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") { continue }
                if value.hasPrefix("/") { problems.append("\(path): absolute path \(value)"); continue }
                if value.contains(":") { problems.append("\(path): unexpected scheme \(value)"); continue }
                var target = value
                var fragment: String?
                if let hash = target.firstIndex(of: "#") {
                    fragment = String(target[target.index(after: hash)...])
                    target = String(target[..<hash])
                }
                let resolved: String
                if target.isEmpty {
                    resolved = path
                } else {
                    let folder = path.split(separator: "/").dropLast().map(String.init)
                    var parts = folder
                    for component in (target.removingPercentEncoding ?? target).split(separator: "/") {
                        if component == ".." { if parts.isEmpty { parts.append("..") } else { parts.removeLast() } }
                        else if component != "." { parts.append(String(component)) }
                    }
                    resolved = parts.joined(separator: "/")
                }
                guard files[resolved] != nil else {
                    problems.append("\(path): broken link \(value) (\(resolved))")
                    continue
                }
                if let fragment, !fragment.isEmpty, resolved.hasSuffix(".html"),
                   !(anchors[resolved]?.contains(fragment.removingPercentEncoding ?? fragment) ?? false) {
                    problems.append("\(path): missing anchor \(value)")
                }
            }
        }
        return problems
    }
}
