import Foundation
import Testing

/// `disclose serve`'s terminal in Chinese (the default language; the other serve tests
/// read English): the address with a space after it, so that a terminal's link ends there,
/// each build's line, a failed build's diagnostics and line, a port in use, and the line
/// it stops with.
@Suite struct ServeLanguageTests {
    @Test func thePreviewsLinesAreChinese() throws {
        let site = try SampleSite()
        let preview = try PreviewProcess(root: site.root, temporary: site.tmp.url.appendingPathComponent("tmp"), extra: ["--lang", "zh"],
                                         listening: "正在预览 http://", waitingFor: "disclose serve: 网站已重新构建（")
        #expect(preview.output.hasPrefix("disclose serve: 正在预览 \(preview.url) （按 Ctrl-C 停止）\n"), "\(preview.output)")
        #expect(preview.url.hasPrefix("http://127.0.0.1:") && preview.url.hasSuffix("/"), "\(preview.url)")
        #expect(try preview.get("/").status == 200)
        #expect(preview.output.range(of: #"disclose serve: 网站已重新构建（\d+ 个文件，其中新增或改动 \d+ 个）\n"#, options: .regularExpression) != nil,
                "\(preview.output)")

        let second = try Disclose.run(["serve", "--root", site.root.path, "--port", String(preview.port)], environment: ["DISCLOSE_LANG": "zh"],
                                      timeout: 60)
        #expect(second.status == 2)
        #expect(second.stderr.hasPrefix("disclose: 错误：无法在 127.0.0.1:\(preview.port) 上监听：端口已被占用（另一个 disclose serve 或其他程序）"),
                "\(second.stderr)")

        // A notice without its 发布机构: the build fails, the last good site stays.
        let notice = ServeCommandTests.notice(title: "区政务服务中心关于二楼综合窗口改造期间业务调整的通知")
            .replacingOccurrences(of: "publisher: 明湖区政务服务中心\n", with: "")
        try Data(notice.utf8).write(to: site.root.appendingPathComponent("content/notices/zwfwzx-2024-gzts.md"))
        let failed = try #require(preview.waitForOutput("disclose serve: 构建失败", timeout: 120), "\(preview.output) \(preview.errors)")
        #expect(failed == "disclose serve: 构建失败；仍在提供上一次成功构建的网站，问题显示在其页面上", "\(failed)")
        #expect(preview.errors.contains("content/notices/zwfwzx-2024-gzts.md:1:1: 错误：[record.required] "), "\(preview.errors)")
        #expect(preview.errors.range(of: #"\n1 个错误，0 个警告(，\d+ 条提示)?，共 \d+ 条记录\n"#, options: .regularExpression) != nil, "\(preview.errors)")

        #expect(preview.stop() == 0)
        #expect(preview.output.hasSuffix("disclose serve: 已停止；预览的文件夹已删除\n"), "\(preview.output)")
        #expect(!preview.output.contains("previewing") && !preview.output.contains("site rebuilt"), "\(preview.output)")
    }

    /// Refusals before the preview starts, in Chinese.
    @Test func itsRefusalsAreChinese() throws {
        let badPort = try Disclose.run(["serve", "--port", "70000"], environment: ["DISCLOSE_LANG": "zh"], timeout: 60)
        #expect(badPort.status == 2)
        #expect(badPort.stderr.hasPrefix("disclose: 错误：--port 必须在 0 到 65535 之间，而不是 70000\n"), "\(badPort.stderr)")
        let missing = try Disclose.run(["serve", "--root", "/无此目录"], environment: ["DISCLOSE_LANG": "zh"], timeout: 60)
        #expect(missing.status == 2)
        #expect(missing.stderr == "disclose: 错误：站点根目录 '/无此目录' 不是可读的文件夹\n", "\(missing.stderr)")
    }
}
