extension SiteWriter {
    /// Writes the fixed pages (`pages/SLUG.html`, through `page.mustache`) and copies their
    /// attachments. A page is keyed by its whole model, body included: there are a
    /// handful, and rendering one costs less than keeping its inputs apart would.
    /// A page with link findings is made again, and reported, by every build.
    func writeFixedPages(_ pages: [Int], contexts: PageContexts, keys: OutputKeys, markdown: MarkdownRenderer,
                         resolver: LinkResolver, reuse: OutputReuse, attachmentDigests: [String: Digest],
                         into outcome: inout Outcome) throws(EnvironmentError) {
        do throws(FileIO.Failure) {
            for index in pages {
                let fixed = plan.fixedPages[index]
                let (body, findings) = BodyLinks.render(fixed, markdown: markdown, resolver: resolver)
                let model = contexts.fixedPage(index, bodyHTML: body)
                let placement = try reuse.place(fixed.path, key: keys.page(model)) {
                    templates.renderBytes(model)
                }
                outcome.diagnostics += findings
                if findings.isEmpty { outcome.record(fixed.path, placement) } else { outcome.paths.insert(fixed.path) }
                for attachment in fixed.attachments {
                    guard let digest = attachmentDigests[attachment.source] ?? FileIO.digest(ofFileAt: attachment.source)?.0 else {
                        throw .system("\(attachment.source): cannot be read")
                    }
                    outcome.record(attachment.path, try reuse.place(attachment.path, key: keys.attachment(digest: digest),
                                                                    streaming: { (file: inout FileWriter) throws(FileIO.Failure) in
                        guard try FileIO.copy(attachment.source, into: &file) == digest else {
                            throw .system("\(attachment.source) changed during the build; build again")
                        }
                    }))
                }
            }
        } catch {
            throw EnvironmentError(Phrase("无法写出站点：", en: "cannot write the site: ") + SystemMessage.phrase(of: error))
        }
    }
}
