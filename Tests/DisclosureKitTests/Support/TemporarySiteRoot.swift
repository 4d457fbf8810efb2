import Foundation

/// A site root in a fresh temporary folder, with a minimal `content/site.yaml`; removed
/// when the last reference goes.
final class TemporarySiteRoot {
    let path: String

    init(_ name: String) throws {
        path = NSTemporaryDirectory() + "disclose-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/content/policies", withIntermediateDirectories: true)
        try Data("title: 区政府信息公开\nbase_url: https://example.gov.cn/\n".utf8)
            .write(to: URL(fileURLWithPath: path + "/content/site.yaml"))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
