import DisclosureKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder the preview builds into: a fresh one under the system's temporary folder
/// (`TMPDIR`, else `/tmp`), never the site's `site/`, so that a preview neither replaces
/// nor mixes with the site a webmaster uploads. The site itself is its `site/` subfolder;
/// the build's staging folders and lock sit beside it, inside this folder too.
public struct PreviewFolder: Sendable {
    /// The folder's real path.
    public let path: String
    /// Where the builds write the site.
    public var output: String { path + "/site" }

    public init() throws(PreviewFailure) {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast())
            + Array("disclose-preview-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            let reason = String(cString: strerror(errno))
            throw PreviewFailure(Phrase("无法在 \(base) 下创建预览的文件夹：\(reason)",
                                        en: "cannot create the preview's folder under \(base): \(reason)"))
        }
        let created = String(cString: made)
        path = RequestPath.realPath(created) ?? created
    }

    /// Removes the folder and everything in it, and the caches its builds left in the
    /// root's `.disclose/` (each output has its own, and this one will not come back).
    public func remove(root: String) {
        SiteBuilder.removeCaches(root: root, output: output)
        try? FileManager.default.removeItem(atPath: path)
    }
}
