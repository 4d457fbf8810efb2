import Foundation
import Testing
@testable import DisclosureKit

/// `leak.shared_text` from the previous build's memo finds exactly what a cold search
/// finds, after each kind of edit: a public record, a non-public one, the stock counts
/// crossing their threshold, the declared boilerplate, records added and removed. And the
/// memo is taken only under the same non-public texts.
final class SharedTextMemoTests {
    let folder: TemporarySiteRoot
    var root: String { folder.path }

    /// Shared by one public record with the withheld one: a finding.
    static let secret = "本局拟于下季度对辖区内三家企业开展联合执法检查，具体名单另行通知各执法中队。"
    /// Shared by three public records with the withheld one: stock wording while three hold it.
    static let stock = "各单位要高度重视，加强组织领导，明确责任分工，确保各项工作任务按时保质完成到位。"

    init() throws {
        folder = try TemporarySiteRoot("shared-text-memo")
    }

    func write(_ text: String, _ relative: String) throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A policy of its own index number and 文号, public or withheld.
    func record(_ name: String, number: Int, withheld: Bool = false, body: String) throws {
        var text = RecordSamples.frontMatter(.policy)
            .replacingOccurrences(of: "2024-00003", with: "2024-" + String(repeating: "0", count: 5 - String(number).count) + String(number))
            .replacingOccurrences(of: "明府发〔2024〕3号", with: "明府发〔2024〕\(number)号")
        if withheld {
            text = text.replacingOccurrences(of: "disclosure: proactive", with: "disclosure: withheld\nwithheld_reason: 涉及国家秘密（《条例》第十四条）")
        }
        try write("---\n\(text)\n---\n\(body)\n", "content/policies/\(name).md")
    }

    func writeSite() throws {
        try record("internal-1", number: 90, withheld: true, body: "内部工作安排如下。\n\n\(Self.secret)\n\n\(Self.stock)\n")
        try record("copy-1", number: 1, body: "经研究，现将有关事项通知如下：\n\n\(Self.secret)\n")
        for number in 2...4 { try record("stock-\(number)", number: number, body: "现印发第\(number)号通知。\n\n\(Self.stock)\n") }
        try record("plain-5", number: 5, body: "本通知自发布之日起施行。\n")
    }

    func load() throws -> LoadedSite {
        SiteLoader.load(try ContentScanner(root: root).scan(), keepBodies: false)
    }

    /// The search from `previous`, checked against a cold one of the same site; its memo.
    func searchAgain(from previous: SharedText.Memo, _ comment: Comment) throws -> (diagnostics: [Diagnostic], memo: SharedText.Memo) {
        let site = try load()
        let warm = SharedText.search(site, previous: previous)
        let cold = SharedText.search(site, previous: nil)
        #expect(warm.diagnostics == cold.diagnostics, comment)
        #expect(warm.memo == cold.memo, comment)
        #expect(warm.diagnostics == SharedText.diagnostics(site), comment)
        #expect(SharedText.search(site, previous: nil, keepsMemo: false).memo == SharedText.Memo(), comment)
        return warm
    }

    func files(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.file) }

    @Test func eachEditGivesTheFindingsOfAColdSearch() throws {
        try writeSite()
        var last = SharedText.search(try load(), previous: nil)
        #expect(files(last.diagnostics) == ["content/policies/copy-1.md"], "\(last.diagnostics)")
        #expect(!last.memo.sources.isEmpty && last.memo.clean.contains(false))

        last = try searchAgain(from: last.memo, "nothing changed")
        #expect(files(last.diagnostics) == ["content/policies/copy-1.md"])

        // A public record edited: another copy of the secret.
        try record("plain-5", number: 5, body: "本通知自发布之日起施行。\n\n\(Self.secret)\n")
        last = try searchAgain(from: last.memo, "a public record edited")
        #expect(files(last.diagnostics) == ["content/policies/copy-1.md", "content/policies/plain-5.md"])

        // The stock wording held by two public records only: no longer stock, so theirs.
        try record("stock-4", number: 4, body: "现印发第4号通知。\n")
        last = try searchAgain(from: last.memo, "a stock phrase under the threshold")
        #expect(files(last.diagnostics) == ["content/policies/copy-1.md", "content/policies/plain-5.md",
                                            "content/policies/stock-2.md", "content/policies/stock-3.md"], "\(last.diagnostics)")

        // And stock again with a third holder, added.
        try record("stock-6", number: 6, body: "现印发第6号通知。\n\n\(Self.stock)\n")
        last = try searchAgain(from: last.memo, "a public record added")
        #expect(files(last.diagnostics) == ["content/policies/copy-1.md", "content/policies/plain-5.md"])

        // The non-public record edited: the secret is no longer its text.
        try record("internal-1", number: 90, withheld: true, body: "内部工作安排如下。\n\n\(Self.stock)\n")
        last = try searchAgain(from: last.memo, "the non-public record edited")
        #expect(last.diagnostics.isEmpty, "\(last.diagnostics)")

        try record("internal-1", number: 90, withheld: true, body: "内部工作安排如下。\n\n\(Self.secret)\n\n\(Self.stock)\n")
        last = try searchAgain(from: last.memo, "the non-public record edited back")
        #expect(files(last.diagnostics) == ["content/policies/copy-1.md", "content/policies/plain-5.md"])

        // The secret declared boilerplate in site.yaml.
        try write("title: 区政府信息公开\nbase_url: https://example.gov.cn/\nleak_boilerplate:\n  - \(Self.secret)\n", "content/site.yaml")
        last = try searchAgain(from: last.memo, "boilerplate declared")
        #expect(last.diagnostics.isEmpty, "\(last.diagnostics)")

        try write("title: 区政府信息公开\nbase_url: https://example.gov.cn/\n", "content/site.yaml")
        last = try searchAgain(from: last.memo, "boilerplate withdrawn")
        #expect(files(last.diagnostics) == ["content/policies/copy-1.md", "content/policies/plain-5.md"])

        // A public record removed, and one that quotes the secret's index number.
        try FileManager.default.removeItem(atPath: root + "/content/policies/plain-5.md")
        try record("copy-1", number: 1, body: "经研究，现将有关事项通知如下（引自 11450100MB0000001A/2024-00090）：\n\n\(Self.secret)\n")
        last = try searchAgain(from: last.memo, "a record removed, one quoting the index number")
        #expect(last.diagnostics.isEmpty, "\(last.diagnostics)")
    }

    /// The non-public texts a build makes once for the search and the leak index are
    /// taken only for the records they were made from: texts made before a non-public
    /// record was edited change no finding and no fingerprint searched for.
    @Test func nonPublicTextsMadeBeforeAnEditAreNotTaken() throws {
        try writeSite()
        let before = try load()
        let made = SecretTexts(before)
        #expect(made.describe(before))
        #expect(files(SharedText.search(before, previous: nil, secretTexts: made).diagnostics) == ["content/policies/copy-1.md"])
        let withBefore = try LeakIndex(site: before, plan: SitePlan(PublicView(before)), templates: nil)

        try record("internal-1", number: 90, withheld: true, body: "内部工作安排如下。\n\n\(Self.stock)\n")
        let after = try load()
        #expect(!made.describe(after))
        #expect(SharedText.search(after, previous: nil, secretTexts: made).diagnostics.isEmpty)
        let plan = SitePlan(PublicView(after))
        let stale = try LeakIndex(site: after, plan: plan, templates: nil, secretTexts: made)
        let fresh = try LeakIndex(site: after, plan: plan, templates: nil)
        #expect(stale.fingerprintDigest == fresh.fingerprintDigest && stale.secrets == fresh.secrets)
        #expect(fresh.fingerprintDigest != withBefore.fingerprintDigest)
        let shared = try LeakIndex(site: after, plan: plan, templates: nil, secretTexts: SecretTexts(after))
        #expect(shared.fingerprintDigest == fresh.fingerprintDigest)

        // Nor texts made before the settings changed: the declared boilerplate is blanked
        // out of them.
        let madeAfter = SecretTexts(after)
        try write("title: 区政府信息公开\nbase_url: https://example.gov.cn/\nleak_boilerplate:\n  - \"\(Self.secret)\"\n",
                  "content/site.yaml")
        let declared = try load()
        #expect(!madeAfter.describe(declared))
        #expect(SharedText.search(declared, previous: nil, secretTexts: madeAfter).diagnostics
                == SharedText.search(declared, previous: nil).diagnostics)
    }

    /// What the memo says of a source is taken while the non-public texts are the same
    /// (a planted memo shows it), and not once they change.
    @Test func theMemoIsTakenOnlyUnderTheSameNonPublicTexts() throws {
        try writeSite()
        let cold = SharedText.search(try load(), previous: nil)
        #expect(files(cold.diagnostics) == ["content/policies/copy-1.md"])
        // Planted: no source holds any candidate, so none is searched.
        var planted = cold.memo
        planted.heldCounts = planted.heldCounts.map { _ in 0 }
        planted.held = []
        #expect(SharedText.search(try load(), previous: planted).diagnostics.isEmpty, "the memo is what the search took")
        // Planted: every source searched with nothing found.
        planted = cold.memo
        planted.clean = planted.clean.map { _ in true }
        #expect(SharedText.search(try load(), previous: planted).diagnostics.isEmpty, "the memo is what the search took")
        // The non-public text changed elsewhere: the planted memo describes other texts.
        try record("internal-1", number: 90, withheld: true, body: "内部工作安排如下，另行研究。\n\n\(Self.secret)\n\n\(Self.stock)\n")
        #expect(files(SharedText.search(try load(), previous: planted).diagnostics) == ["content/policies/copy-1.md"])
    }

    /// A memo whose arrays do not agree describes nothing (read as empty).
    @Test func aMemoNotWholeDescribesNothing() throws {
        try writeSite()
        let cold = SharedText.search(try load(), previous: nil)
        var broken = cold.memo
        broken.heldCounts.removeLast()
        #expect(broken.bySource().isEmpty)
        broken = cold.memo
        broken.held.removeLast()
        #expect(broken.bySource().isEmpty)
        let warm = SharedText.search(try load(), previous: broken)
        #expect(warm.diagnostics == cold.diagnostics && warm.memo == cold.memo)
    }
}
