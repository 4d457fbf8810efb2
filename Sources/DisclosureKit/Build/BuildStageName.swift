/// The names of a build's stages in both languages, for the progress line and the build's
/// summary. A stage is named where it begins by its English name (`BuildProgress.begin`,
/// `BuildReport.stages`), which tests and benchmarks read; this is the one table that
/// gives each its Chinese. `BuildStageNameTests` runs a build and a check and fails on any
/// stage missing here, so a stage added or renamed elsewhere cannot reach a Chinese
/// terminal in English unnoticed.
public enum BuildStageName {
    /// The stage's name in both languages; an unknown name is shown as it is in both.
    public static func phrase(_ english: String) -> Phrase {
        if let chinese = names[english] { return Phrase(chinese, en: english) }
        // The only stage whose name carries a value: the lock holder's process id.
        let waiting = "waiting for the build of PID "
        if english.hasPrefix(waiting) {
            return Phrase("等待 PID \(english.dropFirst(waiting.count)) 的构建", en: english)
        }
        return Phrase(english, en: english)
    }

    /// True when `english` has a Chinese name.
    public static func isKnown(_ english: String) -> Bool {
        phrase(english).zh != english
    }

    private static let names: [String: String] = [
        // The progress line (BuildProgress).
        "starting": "准备中",
        "reading records": "读取记录",
        "waiting for the build of another process": "等待另一个进程的构建",
        "checking the links of public records": "检查公开记录的链接",
        "rendering pages": "生成页面",
        "writing lists, catalog, sitemap, feed and search index": "写入列表、目录、站点地图、订阅源和搜索索引",
        "indexing the text of non-public records": "为非主动公开记录的文本建立索引",
        "auditing": "审查",
        // The build's timings (BuildReport.stages).
        "compare with the previous build": "与上次构建比较",
        "load and validate": "读取与检查",
        "render and write": "生成与写入",
        "audit": "审查",
        "swap": "替换输出目录",
    ]
}
