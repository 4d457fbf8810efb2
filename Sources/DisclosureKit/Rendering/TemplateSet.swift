import Foundation
import Mustache
#if canImport(Glibc)
import Glibc
#endif

/// The templates and assets a build renders with: the defaults built into the binary,
/// overridden file by file by the site's own `templates/`. Every problem a Mustache
/// library would hide (a parse error, a missing partial or parent) is a diagnostic.
public struct TemplateSet: Sendable {
    /// The templates the build renders, by name.
    public static let pageTemplates = ["base", "record", "list", "home", "catalog", "catalog-page", "catalog-row", "search", "404", "page", "publisher"]

    /// The templates compiled for rendering.
    let plan: RenderPlan
    /// swift-mustache's reading of the same templates: it gives the syntax errors, and the
    /// tests compare the plan's output with its render.
    let library: MustacheLibrary
    /// Files copied to the output under `assets/`, by path below `assets/`.
    public let assets: [(path: String, bytes: [UInt8])]
    /// Hash input: every template and asset text, for the build cache and tests.
    public let sources: [String: String]
    /// The files of these that the site's `templates/` folder gave (not built in), by path
    /// as `sources` keys them, each with its path from the site root for messages.
    public var siteFiles: [String: String] = [:]

    /// Loads the defaults, then `ROOT/templates/` over them.
    public static func load(root: String) -> (TemplateSet?, [Diagnostic]) {
        var files: [String: (text: String, origin: String)] = [:]
        for (path, text) in DefaultTemplates.files {
            files[path] = (text, "(built-in) templates/\(path)")
        }
        var diagnostics: [Diagnostic] = []
        let overrides = root.appendingPathComponent("templates")
        if let folder = overridesFolder(overrides, diagnostics: &diagnostics) {
            let found = siteFiles(in: folder)
            diagnostics += found.diagnostics
            for relative in found.files {
                let display = "templates/\(relative)"
                guard relative.hasSuffix(".mustache") || relative.hasPrefix("assets/") else {
                    diagnostics.append(Rule.templateUnknown.diagnostic(display, .fileStart,
                        Phrase("\(display) 既不是 .mustache 模板，也不在 templates/assets/ 中；不会被使用",
                               en: "\(display) is neither a .mustache template nor under templates/assets/; it is not used")))
                    continue
                }
                if relative.hasSuffix(".mustache") {
                    let name = String(relative.dropLast(".mustache".count))
                    if !pageTemplates.contains(name) && !name.hasPrefix("partials/") {
                        let hint = NearestKey.suggestion(for: name, among: pageTemplates).map { Phrase("；是否应为 '\($0)'？", en: "; did you mean '\($0)'?") }
                            ?? Phrase("", en: "")
                        diagnostics.append(Rule.templateUnknown.diagnostic(display, .fileStart,
                            Phrase("\(display) 不是构建使用的模板（\(pageTemplates.joined(separator: "、")) 或 partials/NAME）",
                                   en: "\(display) is not a template the build uses (\(pageTemplates.joined(separator: ", ")), or partials/NAME)") + hint))
                    }
                }
                do throws(FileIO.Failure) {
                    let bytes = try FileIO.readBytes(overrides.appendingPathComponent(relative), limit: SourceText.maximumFileBytes)
                    guard let text = String(validating: bytes, as: UTF8.self) else {
                        diagnostics.append(Rule.fileEncoding.diagnostic(display, .fileStart, Phrase("\(display) 不是有效的 'UTF-8' 文本", en: "\(display) is not valid UTF-8")))
                        continue
                    }
                    files[relative] = (text, display)
                } catch {
                    diagnostics.append(Rule.fileRead.diagnostic(display, .fileStart, Phrase("无法读取 \(display)：", en: "cannot read \(display): ") + SystemMessage.phrase(of: error)))
                }
            }
        }

        var library = MustacheLibrary()
        var parsed: [String: [TemplateNode]] = [:]
        var references: [String: [(name: String, location: SourceLocation)]] = [:]
        var names = Set<String>()
        var assets: [(path: String, bytes: [UInt8])] = []
        for path in files.keys.sorted() {
            let (text, origin) = files[path]!
            if path.hasPrefix("assets/") {
                assets.append((String(path.dropFirst("assets/".count)), Array(text.utf8)))
                continue
            }
            guard path.hasSuffix(".mustache") else { continue }
            let name = String(path.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                names.insert(name)
                do throws(TemplateRefusal) {
                    (parsed[name], references[name]) = try TemplateParser.parseWithReferences(text)
                } catch {
                    diagnostics.append(Rule.templateUnsupported.diagnostic(origin, error.location,
                        Phrase("不支持", en: "") + error.construct + Phrase("（支持的写法见 docs/templates.md）", en: " is not supported (docs/templates.md lists what is)")))
                }
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Rule.templateSyntax.diagnostic(origin,
                    SourceLocation(line: error.context.lineNumber, column: max(1, error.context.columnNumber)),
                    Phrase("Mustache 语法错误：\(describe(error.error).zh)，位于 '\(error.context.line.trimmingCharacters(in: .whitespaces))' 附近",
                           en: "Mustache syntax error: \(describe(error.error).en) near '\(error.context.line.trimmingCharacters(in: .whitespaces))'")))
            } catch {
                diagnostics.append(Rule.templateSyntax.diagnostic(origin, .fileStart, Phrase("Mustache 语法错误：", en: "Mustache syntax error: ") + SystemMessage.phrase(of: error)))
            }
        }
        // Mustache renders a missing partial or parent as nothing, silently: check names here,
        // as the parser read them (in any delimiters; not inside comments).
        for path in files.keys.sorted() where path.hasSuffix(".mustache") {
            let origin = files[path]!.origin
            for reference in references[String(path.dropLast(".mustache".count))] ?? [] where !names.contains(reference.name) {
                if files[reference.name + ".mustache"] != nil { continue } // already reported as a syntax error
                let nearest = NearestKey.suggestion(for: reference.name, among: names.sorted())
                diagnostics.append(Rule.templateMissingPartial.diagnostic(origin, reference.location,
                    Phrase("引用的模板 '\(reference.name)' 不存在（templates/\(reference.name).mustache）"
                               + (nearest.map { "；是否应为 '\($0)'？" } ?? ""),
                           en: "names the template '\(reference.name)', which does not exist (templates/\(reference.name).mustache)"
                               + (nearest.map { "; did you mean '\($0)'?" } ?? ""))))
            }
        }
        var origins: [String: String] = [:]
        for (path, file) in files where path.hasSuffix(".mustache") {
            origins[String(path.dropLast(".mustache".count))] = file.origin
        }
        diagnostics += PartialCycles.diagnostics(references: references, origins: origins)
        guard diagnostics.errorCount == 0 else { return (nil, diagnostics) }
        let sources = files.mapValues(\.text)
        var set = TemplateSet(plan: RenderPlan(parsed), library: library, assets: assets, sources: sources)
        set.siteFiles = files.filter { !$0.value.origin.hasPrefix("(built-in)") }.mapValues(\.origin)
        return (set, diagnostics)
    }

    /// Renders template `name` with `model`.
    public func render(_ name: String, _ model: some TemplateModel) -> String {
        String(decoding: plan.render(name, model), as: UTF8.self)
    }

    /// Renders a page with its own template, as UTF-8: the bytes the writer writes.
    public func renderBytes<Page: PageModel>(_ page: Page) -> [UInt8] {
        plan.render(Page.template, page)
    }

    /// Renders template `name` with `model`, as UTF-8.
    public func renderBytes(_ name: String, _ model: some TemplateModel) -> [UInt8] {
        plan.render(name, model)
    }

    /// Renders template `name` with `model` through swift-mustache: the reference the
    /// tests hold the plan to.
    func referenceRender(_ name: String, _ model: some TemplateModel) -> String {
        library.render(model, withTemplate: name) ?? ""
    }

    /// Renders a page with its own template.
    public func render<Page: PageModel>(_ page: Page) -> String {
        render(Page.template, page)
    }

    /// `templates/` when it is a folder to read: not when it is missing, and not, with an
    /// error, when it is a symbolic link or a special file (templates come from the site's
    /// own folder only, and a folder the site meant to use never falls back to the defaults
    /// in silence).
    static func overridesFolder(_ path: String, diagnostics: inout [Diagnostic]) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            return path
        case S_IFLNK:
            diagnostics.append(Rule.fileSymlink.diagnostic("templates", .fileStart,
                Phrase("templates/ 是符号链接；模板只从站点自己的 templates/ 文件夹读取，从不经由链接读取。请把文件夹本身放在那里",
                       en: "templates/ is a symbolic link; templates are read from the site's own templates/ folder only, never through a link. Put the folder itself there")))
        case S_IFREG:
            diagnostics.append(Rule.fileRead.diagnostic("templates", .fileStart,
                Phrase("templates 是一个文件，不是存放模板的文件夹；其中的内容不会被使用。请删除它，或改为文件夹",
                       en: "templates is a file, not a folder of templates; nothing in it is used. Remove it, or make it the folder")))
        default:
            diagnostics.append(Rule.fileSpecial.diagnostic("templates", .fileStart,
                Phrase("templates/ 是\(FileIO.fileKindPhrase(info.st_mode).zh)，不是文件夹；不会打开它",
                       en: "templates/ is \(SpecialFile.describe(info.st_mode)), not a folder; it is never opened")))
        }
        return nil
    }

    /// The files under `directory`, relative to it and sorted; names starting with `.` or
    /// `_` are skipped. A symbolic link or a special file is a diagnostic and never
    /// opened: a template read through a link is not the site's, and a named pipe would
    /// block the build.
    static func siteFiles(in directory: String) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        func walk(_ folder: String, _ prefix: String) {
            guard let dir = opendir(folder) else {
                diagnostics.append(Rule.fileRead.diagnostic("templates/" + prefix, .fileStart,
                    Phrase("无法读取文件夹：", en: "cannot read folder: ") + SystemMessage.phrase(String(cString: strerror(errno)))))
                return
            }
            var names: [String] = []
            while let entry = readdir(dir) {
                let bytes = FileName.bytes(of: entry)
                if bytes.first == UInt8(ascii: ".") || bytes.first == UInt8(ascii: "_") { continue }
                switch FileName.read(bytes) {
                case .success(let name): names.append(name)
                case .failure(let refusal):
                    diagnostics.append(Rule.fileName.diagnostic("templates/" + prefix + FileName.display(bytes), .fileStart, refusal.message))
                }
            }
            closedir(dir)
            for name in names.sorted() {
                let relative = prefix + name
                let display = "templates/" + relative
                var info = stat()
                guard lstat(folder + "/" + name, &info) == 0 else {
                    diagnostics.append(Rule.fileRead.diagnostic(display, .fileStart,
                        Phrase("无法检查：", en: "cannot examine: ") + SystemMessage.phrase(String(cString: strerror(errno)))))
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    walk(folder + "/" + name, relative + "/")
                case S_IFREG:
                    files.append(relative)
                case S_IFLNK:
                    diagnostics.append(Rule.fileSymlink.diagnostic(display, .fileStart,
                        Phrase("\(display) 是符号链接；模板只从 templates/ 中的文件读取，从不经由链接读取。请把文件本身放在那里",
                               en: "\(display) is a symbolic link; templates are read from files in templates/ only, never through a link. Put the file itself there")))
                default:
                    diagnostics.append(Rule.fileSpecial.diagnostic(display, .fileStart,
                        Phrase("是\(FileIO.fileKindPhrase(info.st_mode).zh)，不是普通文件或文件夹；不会打开它，请删除",
                               en: "is \(SpecialFile.describe(info.st_mode)), not a regular file or folder; it is never opened. Remove it")))
                }
            }
        }
        walk(directory, "")
        return (files.sorted(), diagnostics)
    }

    static func describe(_ error: Error) -> Phrase {
        guard let error = error as? MustacheTemplate.Error else { return SystemMessage.phrase(of: error) }
        switch error {
        case .sectionCloseNameIncorrect: return Phrase("区块的结束名称与开始名称不同", en: "a section is closed with a different name than it was opened")
        case .unfinishedName: return Phrase("标签没有以 '}}' 结束", en: "a tag is not closed with '}}'")
        case .expectedSectionEnd: return Phrase("区块没有结束（缺少 {{/name}}）", en: "a section is never closed ({{/name}} missing)")
        case .invalidSetDelimiter: return Phrase("无效的分隔符设置标签", en: "invalid set-delimiter tag")
        case .transformAppliedToInheritanceSection: return Phrase("对继承区块使用了转换", en: "a transform is applied to an inheritance section")
        case .illegalTokenInsideInheritSection: return Phrase("{{<parent}} 中只能有 {{$block}} 区块", en: "only {{$block}} sections may stand inside {{<parent}}")
        case .textInsideInheritSection: return Phrase("{{<parent}} 中有位于 {{$block}} 之外的文字", en: "text inside {{<parent}} outside a {{$block}}")
        case .invalidConfigVariableSyntax: return Phrase("无效的配置变量语法", en: "invalid config variable syntax")
        case .unrecognisedConfigVariable: return Phrase("无法识别的配置变量", en: "unrecognised config variable")
        }
    }
}

extension TemplateSet {
    /// True when the repository's `templates/` folder and the built-in defaults agree.
    static func defaultsMatch(folder: String) -> Bool {
        let onDisk = siteFiles(in: folder).files
        guard onDisk == DefaultTemplates.files.map(\.path).sorted() else { return false }
        return DefaultTemplates.files.allSatisfy { file in
            (try? String(contentsOfFile: folder.appendingPathComponent(file.path), encoding: .utf8)) == file.text
        }
    }
}
