#if canImport(Glibc)
import Glibc
#endif
import Foundation

extension SiteBuilder {
    /// Removes the two cache files builds of `output` keep in `root`'s `.disclose/`, for
    /// an output that goes for good (`disclose serve`'s, when it stops). Nothing else of
    /// the folder is touched; a link at a cache's name is removed, not followed.
    public static func removeCaches(root: String, output: String) {
        guard let directory = try? OutputDirectory.validate(output: output, root: root),
              let folder = try? CacheFolder(root: root, output: directory) else { return }
        unlink(folder.buildCache)
        unlink(folder.recordCache)
    }
}
