/// The digest of everything a build reads: every file under content/ that the build
/// uses (records, attachments, site.yaml, by path and bytes), the templates and assets,
/// the binary and the options that change the output. When it equals the previous
/// build's and that build printed nothing, the output it left is the output this build
/// would write, and there is nothing to do.
enum InputDigest {
    /// The digest, or nil when the tree has problems of its own (those are reported by
    /// the full build).
    static func of(_ tree: ContentTree, templates: TemplateSet, baseURL: String?) -> Digest? {
        guard tree.diagnostics.isEmpty, let siteFile = tree.siteFile else { return nil }
        let paths = [("content/site.yaml", siteFile)] + tree.records.map { ($0.relativePath, $0.absolutePath) }
            + tree.attachments.map { ($0.relativePath, $0.absolutePath) }
        let digests = parallelMap(paths) { _, absolute -> Digest? in
            (try? FileIO.readBytes(absolute, limit: SourceText.maximumFileBytes)).map(StableHasher.digest)
        }
        var hasher = StableHasher()
        hasher.combine(OutputKeys.global(templates: templates, configSource: .zero, baseURL: baseURL ?? ""))
        for ((relative, _), digest) in zip(paths, digests) {
            guard let digest else { return nil }
            hasher.combine(relative)
            hasher.combine(digest)
        }
        return hasher.finalize()
    }
}
