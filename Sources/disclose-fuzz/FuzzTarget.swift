import DisclosureKit
import Foundation

// Two pipelines, chosen by the input's first byte, built two ways:
//   - with `-DFUZZING --sanitize=fuzzer` (scripts/fuzz.sh), libFuzzer drives
//     `LLVMFuzzerTestOneInput` and supplies `main`;
//   - normally, `main` replays the files named on the command line through the same
//     function, which is how the regression inputs in Tests/FuzzRegressions are run.
//
// 'T' (0x54): a whole site tree (`SiteTreeInput`): file kinds and names as well as bytes,
// through check and a full build, with an oracle for the promise the tool exists for.
// Anything else: one record file (the byte modulo 4 picks its type) through
// split → YAML → decode → validate → render one page.

/// The templates, loaded once.
private let templates = TemplateSet.load(root: "/nonexistent").0!
private let site = SiteConfig(title: "测试区", baseURL: "https://www.example.gov.cn/",
                              indexNumberPattern: IndexNumberPattern(#"^[0-9A-Z]{9,18}/\d{4}-\d{5}$"#))

func runPipeline(_ bytes: [UInt8]) {
    if bytes.first == SiteTreeInput.marker {
        var tree = SiteTreeInput(bytes.dropFirst())
        tree.run()
    } else {
        runRecord(bytes)
    }
}

/// One record through every stage that reads it; the first byte picks the record type.
func runRecord(_ bytes: [UInt8]) {
    let types = TypeRegistry.builtIn.types
    let type = types[Int(bytes.first ?? 0) % types.count]
    let input = Array(bytes.dropFirst())
    let file = RecordFile(relativePath: "content/\(type.folder)/fuzz.md", absolutePath: "/nonexistent/fuzz.md",
                          type: type, subfolders: [], stem: "fuzz")
    let decoded = RecordDecoder(site: site).decode(bytes: input, file: file)
    _ = DiagnosticPrinter(format: .json).render(decoded.diagnostics)
    _ = SiteRules.check([decoded.identity, decoded.identity])
    guard var record = decoded.record else { return }
    record.disclosure = Disclosure.proactive
    let view = PublicView(LoadedSite(root: "/nonexistent", config: site, records: [record], identities: [decoded.identity],
                                     attachments: [], diagnostics: [], recordFileCount: 1))
    let plan = SitePlan(view)
    let contexts = PageContexts(plan: plan)
    let resolver = LinkResolver(publicPages: [file.relativePath: plan.recordPages[0].path], allRecords: [file.relativePath],
                                publicAttachments: [:])
    let (body, _) = MarkdownRenderer().render(record.body) { target, isImage in
        resolver.decide(target, isImage: isImage, source: file.relativePath, page: plan.recordPages[0].path)
    }
    let html = templates.render("record", contexts.record(0, bodyHTML: body))
    _ = HTMLPage(Array(html.utf8))
    _ = SecretText.plainText(of: record.body)
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    runPipeline(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main
struct FuzzReplay {
    static func main() {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(2)
            }
            runPipeline(Array(data))
            count += 1
        }
        print("replayed \(count) inputs")
    }
}
#endif
