import DisclosureKit
import Foundation

// The stage benchmark: each stage of the pipeline timed alone, on one core, over every
// record of a corpus, and reported per 1,000 records; then one full build with its own
// stage timings (all cores). A release-mode harness:
//
//   swift run -c release disclose-stages CORPUS_ROOT [RUNS]
//
// CORPUS_ROOT is a site root (content/ inside), e.g. one made by Benchmarks/corpus.py
// (Benchmarks/compare.sh keeps them in $BENCH_CACHE). Each stage runs RUNS times (default 3); the table shows
// the median and the spread.

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: disclose-stages CORPUS_ROOT [RUNS]\n".utf8))
    exit(2)
}
let root = arguments[1]
let runs = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 3) : 3

func seconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Times `work` `runs` times; returns the median and the range, in seconds.
func measure(_ work: () -> Void) -> (median: Double, low: Double, high: Double) {
    let samples = (0..<runs).map { _ in seconds(work) }.sorted()
    return (samples[samples.count / 2], samples.first!, samples.last!)
}

let tree: ContentTree
do { tree = try ContentScanner(root: root).scan() } catch {
    FileHandle.standardError.write(Data("disclose-stages: \(error)\n".utf8))
    exit(2)
}
let site = SiteLoader.load(tree)
guard let templates = TemplateSet.load(root: root).0 else { fatalError("the templates do not load") }
let plan = SitePlan(PublicView(site))
let count = tree.records.count
var rows: [(String, (median: Double, low: Double, high: Double), Int)] = []

// Inputs of each stage, made once, outside the timings.
let bytes = tree.records.map { (try? FileIO.readBytes($0.absolutePath)) ?? [] }
let texts = bytes.map { (try? SourceText.decode($0).get()) ?? "" }
let splits = texts.map { try? FrontMatterSplitter.split($0).get() }
let nodes = splits.map { split in split.flatMap { try? FrontMatterReader.read($0.yaml, firstLine: $0.yamlFirstLine).get() } }
let decoder = RecordDecoder(site: site.config)

rows.append(("read files", measure {
    for record in tree.records { _ = try? FileIO.readBytes(record.absolutePath) }
}, count))
rows.append(("front matter: split and parse YAML", measure {
    for text in texts {
        guard let split = try? FrontMatterSplitter.split(text).get() else { continue }
        _ = FrontMatterReader.read(split.yaml, firstLine: split.yamlFirstLine)
    }
}, count))
rows.append(("validate: typed records and rules", measure {
    var identities: [RecordIdentity] = []
    for (index, file) in tree.records.enumerated() {
        guard let node = nodes[index], let split = splits[index] else { continue }
        identities.append(decoder.decode(node, body: String(split.body), bodyFirstLine: split.bodyFirstLine, file: file).identity)
    }
    _ = SiteRules.check(identities)
}, count))
let markdown = MarkdownRenderer(allowRawHTML: site.config.allowRawHTML)
var bodies: [String] = []
rows.append(("Markdown (cmark-gfm)", measure {
    bodies = plan.recordPages.map { markdown.render($0.record.body) { _, _ in .keep }.html }
}, plan.recordPages.count))
let contexts = PageContexts(plan: plan)
var pages: [String] = []
rows.append(("template render (Mustache)", measure {
    pages = plan.recordPages.indices.map { templates.render("record", contexts.record($0, bodyHTML: bodies[$0])) }
}, plan.recordPages.count))
let scratch = NSTemporaryDirectory() + "disclose-stages-\(getpid())"
try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
rows.append(("write pages", measure {
    for (index, page) in pages.enumerated() { try? FileIO.write(page.utf8, to: scratch + "/\(index).html") }
}, plan.recordPages.count))
rows.append(("search index", measure { try? SearchIndex.writeShards(plan, toDirectory: scratch) }, plan.recordPages.count))
try? FileManager.default.removeItem(atPath: scratch)

print("stage benchmark: \(count) records (\(plan.recordPages.count) public) in \(root)")
print("one core; median of \(runs) runs, per 1,000 records (of the stage's input)")
print("")
print("| stage | ms per 1,000 | spread | whole corpus s |")
print("|---|---:|---:|---:|")
for (name, time, items) in rows {
    let scale = 1000.0 / Double(max(1, items))
    print(String(format: "| %@ | %.0f | %.0f–%.0f | %.2f |", name, time.median * scale * 1000,
                 time.low * scale * 1000, time.high * scale * 1000, time.median))
}

// A whole build on all cores, with the stage timings the build itself reports.
let output = NSTemporaryDirectory() + "disclose-stages-site-\(getpid())"
do {
    let report = try SiteBuilder(root: root, output: output).build()
    let stages = report.stages.map { String(format: "%@ %.2f s", $0.name, $0.seconds) }.joined(separator: ", ")
    print("")
    print(String(format: "full build, all cores: %.2f s (%@)", report.elapsed, stages))
} catch {
    print("full build failed: \(error)")
}
try? FileManager.default.removeItem(atPath: output)
try? FileManager.default.removeItem(atPath: root + "/.disclose")  // the root's caches
