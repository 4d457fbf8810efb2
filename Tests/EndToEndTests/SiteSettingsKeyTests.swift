import Foundation
import Testing

/// A typo in `site.yaml` is a warning of the site's own (`site.unknown_key`), naming the
/// setting by its Chinese name as `site.yaml`'s reference does, not by a record field's.
@Suite struct SiteSettingsKeyTests {
    @Test func aMisspeltSettingIsASiteWarningAtItsKeyWithTheNearestSetting() throws {
        let site = try SampleSite()
        let settings = site.root.appendingPathComponent("content/site.yaml")
        var text = try String(contentsOf: settings, encoding: .utf8)
        text = text.replacingOccurrences(of: "  address: ", with: "  adress: ")
        text += "titel: 明湖区\n"
        try text.write(to: settings, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let adressLine = try #require(lines.firstIndex { $0.hasPrefix("  adress: ") }) + 1
        let titelLine = try #require(lines.firstIndex { $0.hasPrefix("titel: ") }) + 1

        let (result, diagnostics) = try site.check()
        #expect(result.status == 0, "warnings only: \(result.stderr)")
        let unknown = diagnostics.filter { $0["rule"] as? String == "site.unknown_key" }
        #expect(SampleSite.places(unknown).sorted() == [
            "content/site.yaml:\(adressLine):3 site.unknown_key", "content/site.yaml:\(titelLine):1 site.unknown_key",
        ].sorted())
        let messages = unknown.compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("'footer.address' (地址)") }, "\(messages)")
        #expect(messages.contains { $0.contains("'title' (网站名称)") }, "\(messages)")
        #expect(!diagnostics.contains { $0["rule"] as? String == "record.unknown_key" })
    }
}
