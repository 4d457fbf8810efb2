import Foundation

/// The record types of a site: the built-in declarations, then the site's own
/// (`types/*.yaml` at the root) in file-name order; looked up by id and by folder.
public struct TypeRegistry: Sendable {
    /// Every type, in the order of the sections on the site.
    public let types: [RecordType]
    private let byID: [String: RecordType]
    private let byFolder: [String: RecordType]
    /// What the record cache knows the declarations by.
    public let digest: Digest
    /// The folders of the site's declarations that were refused, and the file of each:
    /// a record there is not read, and its message says why.
    public let refusedFolders: [String: String]

    /// Names a type's folder may not have: the output's own folders and files beside the
    /// sections, and the site root's other inputs.
    public static let reservedFolders: Set<String> = [
        "pages", "assets", "catalog", "search", "search-index", "topics", "publishers", "years", "types", "attachments", "templates",
        "content", "site",
    ]

    /// Ids a type may not have: catalog.json holds a record's type fields in a member
    /// named by the type's id, beside these.
    public static let reservedIDs: Set<String> = [
        "index_number", "title", "type", "type_name", "publisher", "created", "published", "modified", "topic",
        "summary", "path", "url",
    ]

    /// The id `id` would be read as a further page of, when it ends in `-page-N` (N
    /// digits): a type's catalog pages are `catalog/type-ID.html`, `type-ID-page-N.html`,
    /// so such an id would write over another type's page N. Every other catalog stem is
    /// a year or hex digits and cannot end so.
    static func pageSuffixStem(_ id: String) -> String? {
        guard let range = id.range(of: "-page-", options: .backwards), range.lowerBound > id.startIndex else { return nil }
        let digits = id[range.upperBound...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(id[..<range.lowerBound])
    }

    init(_ declarations: [TypeDeclaration], refusedFolders: [String: String] = [:]) {
        self.refusedFolders = refusedFolders
        types = declarations.sorted { $0.order < $1.order }.map(RecordType.init)
        byID = Dictionary(types.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        byFolder = Dictionary(types.map { ($0.folder, $0) }, uniquingKeysWith: { first, _ in first })
        var hasher = StableHasher()
        for type in types {
            hasher.combine(type.id)
            hasher.combine(type.declaration.digest)
        }
        digest = hasher.finalize()
    }

    public func type(id: String) -> RecordType? { byID[id] }
    public func type(folder: String) -> RecordType? { byFolder[folder] }
    /// A type by its id or its Chinese name (`name`, 政策文件), as `disclose new` takes it.
    public func type(idOrName: String) -> RecordType? {
        byID[idOrName] ?? types.first { $0.chineseName == idOrName }
    }

    /// The built-in types alone: what a site without `types/` has.
    public static let builtIn: TypeRegistry = {
        var declarations: [TypeDeclaration] = []
        for (order, (file, text)) in BuiltInDeclarations.files.enumerated() {
            var reader = DeclarationReader(file: file)
            guard let parsed = reader.read(text), reader.diagnostics.isEmpty,
                  let declaration = TypeRegistryBuilder.declaration(parsed, base: nil, order: order, source: nil,
                                                                    digest: StableHasher.digest(Array(text.utf8)), &reader),
                  reader.diagnostics.isEmpty else {
                fatalError("built-in type declaration \(file) is invalid: \(reader.diagnostics.map(\.message))")
            }
            declarations.append(declaration)
        }
        return TypeRegistry(declarations)
    }()

    /// The folder of the site's own declarations, below the site root.
    public static let folder = "types"

    /// The built-in types with the site's own declarations, and every problem found in them.
    public static func load(root: String) -> (TypeRegistry, [Diagnostic]) {
        let folder = root.appendingPathComponent(Self.folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (.builtIn, [])
        }
        var info = stat()
        guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            return (.builtIn, [Rule.fileSymlink.diagnostic(Self.folder, .fileStart,
                Phrase("types/ 是符号链接；站点的类型声明必须放在站点自己的文件夹中，不经由链接读取", en: "types/ is a symbolic link; the site's type declarations must be its own folder, not read through a link"))])
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") && !$0.hasPrefix("_") }
                .sorted(by: utf8Precedes)
        } catch {
            return (.builtIn, [Rule.fileRead.diagnostic(Self.folder, .fileStart, Phrase("无法读取文件夹：", en: "cannot read directory: ") + SystemMessage.phrase(error.localizedDescription))])
        }
        var files: [(file: String, text: String)] = []
        var diagnostics: [Diagnostic] = []
        // Declarations are the files of types/ itself: one in a sub-folder would silently
        // not exist, so the sub-folder is refused.
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in entries.sorted(by: utf8Precedes) where !name.hasPrefix(".") {
            var entry = stat()
            guard lstat(folder + "/" + name, &entry) == 0, (entry.st_mode & S_IFMT) == S_IFDIR else { continue }
            diagnostics.append(Rule.typeDeclaration.diagnostic(Self.folder + "/" + name, .fileStart,
                Phrase("types/ 只存放类型声明文件；文件夹 '\(name)' 不予读取：请把其中的类型声明移到 types/ 下", en: "types/ holds declaration files only; the folder '\(name)' is not read: move its declarations into types/")))
        }
        for name in names {
            let relative = Self.folder + "/" + name
            do throws(FileIO.Failure) {
                // The site's own file, not one a link leads to (as with templates/).
                let bytes = try FileIO.readBytes(folder + "/" + name, limit: 1 << 20, followingLinks: false)
                switch SourceText.decode(bytes, limit: 1 << 20) {
                case .success(let text): files.append((relative, text))
                case .failure(let failure):
                    diagnostics.append(SourceText.diagnostic(for: failure, file: relative, limit: 1 << 20))
                }
            } catch {
                diagnostics.append(Rule.fileRead.diagnostic(relative, .fileStart, Phrase("无法读取文件：\(error)", en: "cannot read file: \(error)")))
            }
        }
        let (registry, found) = TypeRegistryBuilder.build(builtIn: .builtIn, files: files)
        return (registry, diagnostics + found)
    }
}

/// Adds a site's declarations to the built-in ones, refusing every one that clashes.
enum TypeRegistryBuilder {
    /// Every problem of every file is reported in one run: a file with an error is still
    /// checked against the others (its id, folder, name), but declares nothing.
    static func build(builtIn: TypeRegistry, files: [(file: String, text: String)]) -> (TypeRegistry, [Diagnostic]) {
        var declarations = builtIn.types.map(\.declaration)
        var diagnostics: [Diagnostic] = []
        // Folders two site files claim: neither type is read (records of the earlier must
        // not be decoded by the later's declaration, nor the other way round).
        var contestedFolders: Set<String> = []
        // `refers_to` is checked once every type is known: it may name a later file's type.
        var referrals: [(file: String, type: String, key: String, refersTo: String, location: SourceLocation)] = []
        var refusedFolders: [String: String] = [:]
        for (position, (file, text)) in files.enumerated() {
            var reader = DeclarationReader(file: file)
            defer { diagnostics += reader.diagnostics }
            guard let parsed = reader.read(text) else { continue }
            var isValid = parsed.isValid
            var base: TypeDeclaration?
            if let extends = parsed.extends {
                guard let found = builtIn.type(id: extends.value)?.declaration else {
                    let known = builtIn.types.map(\.id).joined(separator: ", ")
                    reader.report(extends.location, field: "extends", Phrase("'extends' 指向 '\(extends.value)'，它不是内置类型；内置类型：\(known)", en: "'extends' names '\(extends.value)', which is no built-in type; built-in types: \(known)"))
                    continue
                }
                if parsed.id.value != found.id {
                    reader.report(parsed.id.location, field: "id", Phrase("扩展 '\(found.id)' 的类型声明沿用它的 id；请写 'id: \(found.id)'", en: "a declaration that extends '\(found.id)' keeps its id; write 'id: \(found.id)'"))
                    continue
                }
                guard !declarations.contains(where: { $0.id == found.id && $0 !== found }) else {
                    reader.report(extends.location, field: "extends", Phrase("'\(found.id)' 已被另一个类型声明扩展；请在一个文件中扩展它", en: "'\(found.id)' is extended by another declaration already; extend it in one file"))
                    continue
                }
                base = found
            } else if let stem = TypeRegistry.pageSuffixStem(parsed.id.value) {
                reader.report(parsed.id.location, field: "id", Phrase("id '\(parsed.id.value)' 的结尾像列表的后续页（'-page-N'）：它的目录页会成为类型 '\(stem)' 的第 \(parsed.id.value.split(separator: "-").last!) 页；请另选一个", en: "the id '\(parsed.id.value)' ends like a further page of a list ('-page-N'): its catalog page would be page \(parsed.id.value.split(separator: "-").last!) of the type '\(stem)'; choose another"))
                continue
            } else if TypeRegistry.reservedIDs.contains(parsed.id.value) {
                reader.report(parsed.id.location, field: "id", Phrase("id '\(parsed.id.value)' 是 catalog.json 中每条记录都有的成员名；请另选一个", en: "the id '\(parsed.id.value)' is the name of a member every record has in catalog.json; choose another"))
                isValid = false
            } else if let other = declarations.first(where: { $0.id == parsed.id.value }) {
                let by = other.source.map { "declared in \($0)" } ?? "a built-in type"
                let byZh = other.source.map { "已在 \($0) 中声明" } ?? "是内置类型"
                reader.report(parsed.id.location, field: "id",
                              Phrase("类型 '\(parsed.id.value)' \(byZh)；请另选一个 id，或写 'extends: \(parsed.id.value)' 为它增加字段",
                                     en: "the type '\(parsed.id.value)' is \(by); choose another id, or write 'extends: \(parsed.id.value)' to add fields to it"))
                isValid = false
            }
            if base == nil, let name = parsed.name, let other = declarations.first(where: { $0.name == name && $0.id != parsed.id.value }) {
                let by = other.source.map { "declared in \($0)" } ?? "a built-in type"
                let byZh = other.source.map { "在 \($0) 中声明" } ?? "内置类型"
                reader.report(parsed.nameLocation, field: "name",
                              Phrase("名称 '\(name)' 是类型 '\(other.id)'（\(byZh)）的名称；两个栏目不能同名",
                                     en: "the name '\(name)' is the name of the type '\(other.id)' (\(by)); two sections cannot share a name"))
                isValid = false
            }
            let folder = parsed.folder?.value ?? base?.folder ?? parsed.id.value
            if let written = parsed.folder, base == nil || written.value != base?.folder {
                if let other = declarations.first(where: { $0.folder == folder && $0.id != parsed.id.value }) {
                    let clash = other.source.map { "declared in \($0), which comes first in name order; neither type is read until one of them changes its folder" }
                        ?? "a built-in type"
                    let clashZh = other.source.map { "在 \($0) 中声明，按名称排序在前；在其中一个类型改换文件夹之前，两个类型都不予读取" }
                        ?? "内置类型"
                    reader.report(written.location, field: "folder",
                                  Phrase("文件夹 '\(folder)' 是类型 '\(other.id)'（\(clashZh)）的栏目文件夹；请另选一个",
                                         en: "the folder '\(folder)' is the section of the type '\(other.id)' (\(clash)); choose another"))
                    if other.source != nil { contestedFolders.insert(folder) }
                    isValid = false
                } else if TypeRegistry.reservedFolders.contains(folder) {
                    reader.report(written.location, field: "folder", Phrase("文件夹 '\(folder)' 是保留名称（站点自己写入或读取 \(folder)/）；请另选一个", en: "the folder '\(folder)' is reserved (the site writes its own \(folder)/ or reads it); choose another"))
                    isValid = false
                }
            }
            var hasher = StableHasher()
            hasher.combine(base?.digest ?? .zero)
            hasher.combine(text)
            let order = base?.order ?? (1000 + position)
            for (field, location) in zip(parsed.fields, parsed.fieldLocations) {
                if let refersTo = field.refersTo { referrals.append((file, parsed.id.value, field.key, refersTo, location)) }
            }
            guard let declaration = declaration(parsed, base: base, order: order, source: file, digest: hasher.finalize(), &reader),
                  isValid else {
                if base == nil, !TypeRegistry.reservedFolders.contains(folder), builtIn.type(folder: folder) == nil,
                   refusedFolders[folder] == nil {
                    refusedFolders[folder] = file
                }
                continue
            }
            if let base, let index = declarations.firstIndex(where: { $0 === base }) {
                declarations[index] = declaration
            } else {
                declarations.append(declaration)
            }
        }
        let ids = Set(declarations.map(\.id))
        var refused: Set<String> = []
        for referral in referrals where !ids.contains(referral.refersTo) {
            var reader = DeclarationReader(file: referral.file)
            reader.report(referral.location, field: "refers_to",
                          Phrase("'\(referral.key)' 的 'refers_to' 指向 '\(referral.refersTo)'，它不是类型；可用的类型：\(declarations.map(\.id).joined(separator: ", "))", en: "'refers_to' of '\(referral.key)' names '\(referral.refersTo)', which is no type; types: \(declarations.map(\.id).joined(separator: ", "))"))
            diagnostics += reader.diagnostics
            refused.insert(referral.type)
        }
        for declaration in declarations where declaration.source != nil && builtIn.type(id: declaration.id) == nil
            && (contestedFolders.contains(declaration.folder) || refused.contains(declaration.id)) {
            refusedFolders[declaration.folder] = refusedFolders[declaration.folder] ?? declaration.source
        }
        declarations.removeAll { declaration in
            declaration.source != nil && builtIn.type(id: declaration.id) == nil
                && (contestedFolders.contains(declaration.folder) || refused.contains(declaration.id))
        }
        return (TypeRegistry(declarations, refusedFolders: refusedFolders), diagnostics)
    }

    /// The declaration `parsed` makes (on top of `base` when it extends one); nil, with
    /// a diagnostic, when its fields clash or its rule sets lack what they read.
    static func declaration(_ parsed: DeclarationReader.Parsed, base: TypeDeclaration?, order: Int, source: String?,
                            digest: Digest, _ reader: inout DeclarationReader) -> TypeDeclaration? {
        let before = reader.diagnostics.count
        for (field, location) in zip(parsed.fields, parsed.fieldLocations) {
            if Glossary.commonKeys.contains(field.key) {
                reader.report(location, field: "key", Phrase("字段 '\(field.key)' 是每条记录都有的通用字段；请另选一个字段名", en: "the field key '\(field.key)' is a common field every record has; choose another key"))
            } else if let base, base.index(of: field.key) != nil {
                reader.report(location, field: "key", Phrase("字段 '\(field.key)' 已由 '\(base.id)' 声明", en: "the field key '\(field.key)' is declared by '\(base.id)' already"))
            }
        }
        let fields = (base?.fields ?? []) + parsed.fields
        var ruleSets = base?.ruleSets ?? []
        for ruleSet in parsed.ruleSets ?? [] where !ruleSets.contains(ruleSet) { ruleSets.append(ruleSet) }
        for ruleSet in ruleSets {
            if let refusal = ruleSet.refusal(fields) { reader.report(parsed.ruleSetsLocation, field: "rule_sets", refusal) }
        }
        for field in fields where field.kind == .reportStatistics && !ruleSets.contains(.reportStatistics) {
            reader.report(parsed.ruleSetsLocation, field: "rule_sets",
                          Phrase("字段 '\(field.key)' 是 report_statistics，其表格只有规则集 'report_statistics' 检查；请把它加入 'rule_sets'", en: "the field '\(field.key)' is report_statistics, whose tables only the rule set 'report_statistics' checks; add it to 'rule_sets'"))
        }
        let yearField = parsed.yearField?.value ?? base?.yearField
        if let yearField, fields.first(where: { $0.key == yearField })?.kind != .number {
            reader.report(parsed.yearField?.location ?? .fileStart, field: "year_field",
                          Phrase("'year_field' 必须指该类型的一个数字字段，不能是 '\(yearField)'", en: "'year_field' must name a number field of the type, not '\(yearField)'"))
        }
        guard reader.diagnostics.count == before else { return nil }
        return TypeDeclaration(id: parsed.id.value, folder: parsed.folder?.value ?? base?.folder ?? parsed.id.value,
                               name: parsed.name ?? base?.name ?? parsed.id.value, fields: fields, ruleSets: ruleSets,
                               yearField: yearField, listedWhenEmpty: parsed.listedWhenEmpty ?? base?.listedWhenEmpty ?? false,
                               order: order, source: source ?? base?.source, digest: digest)
    }
}
