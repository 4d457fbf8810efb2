import Foundation
import Testing
@testable import DisclosureKit

/// What `disclose init` writes, and the markers it leaves.
@Suite struct NewSiteTests {
    /// Every setting the decoder knows is in the new site's site.yaml, set or commented out,
    /// under a Chinese comment: the file is the webmaster's reference at hand.
    @Test func everySettingIsInTheNewSiteYAML() {
        let text = NewSiteFiles.siteYAML
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        func written(_ key: String) -> Int? {
            lines.firstIndex { line in
                let setting = line.hasPrefix("#") ? line.dropFirst().trimmingCharacters(in: .whitespaces) : line
                return setting.hasPrefix(key + ":")
            }
        }
        let nested = SiteFooter.keys.map { ("footer", $0) } + [("calendar", "holidays"), ("calendar", "workdays")]
        for key in SiteConfigDecoder.knownKeys + nested.map(\.1) {
            guard let index = written(key) else {
                Issue.record("site.yaml of init lacks the setting '\(key)'")
                continue
            }
            // A Chinese word on the line or in the comment lines just above it.
            let block = lines[max(0, index - 3)...index].joined()
            #expect(block.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "'\(key)' has no Chinese explanation")
        }
    }

    @Test func markersAreFoundAtTheirColumnWithWhatFollows() {
        let text = "\u{FEFF}title: 【待填写】网站名称\n# 说明\n- 地址：【待填写】受理窗口。电话：【待填写】号码\n"
        let found = ToFillMarkers.diagnostics(in: text, file: "content/site.yaml")
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["1:8", "3:6", "3:19"])
        #expect(found.map(\.rule) == ["content.to_fill", "content.to_fill", "content.to_fill"])
        #expect(found[1].message.en.hasPrefix("【待填写】 '受理窗口' is left to fill in"))
        #expect(found[2].message.en.contains("'号码'"))
        #expect(ToFillMarkers.diagnostics(in: "title: 待填写的表格\n", file: "x").isEmpty)
        #expect(ToFillMarkers.holdsMarker("前文【待填写】后文") && ToFillMarkers.holdsMarker("【待填写】"))
        #expect(!ToFillMarkers.holdsMarker("") && !ToFillMarkers.holdsMarker("【待填") && !ToFillMarkers.holdsMarker("【待填写"))
    }
}
