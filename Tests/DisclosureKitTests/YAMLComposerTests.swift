@testable import DisclosureKit
import Foundation
import Testing
import Yams

/// `YAMLComposer` builds from libyaml's events the tree Yams' composer gives (with the
/// basic resolver), converted: the same texts, styles, places and order, aliases expanded;
/// and libyaml's syntax errors at the same place, with the same words.
struct YAMLComposerTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Yams' tree as the reader used to convert it, without the reader's limits.
    static func reference(_ node: Node) -> YAMLNode {
        let location = node.mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? SourceLocation(line: 1, column: 1)
        switch node {
        case .scalar(let scalar):
            return YAMLNode(.scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any), at: location)
        case .sequence(let sequence):
            return YAMLNode(.sequence(sequence.map(reference)), at: location)
        case .mapping(let mapping):
            return YAMLNode(.mapping(mapping.map { key, value in
                YAMLEntry(key: key.string ?? "?", keyLocation: key.mark.map { SourceLocation(line: $0.line, column: $0.column) }!,
                          value: reference(value))
            }), at: location)
        case .alias:
            return YAMLNode(.scalar("*", plain: false), at: location)
        }
    }

    /// The tree as text, places included, for comparing and for readable failures.
    static func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let at = "@\(node.location.line):\(node.location.column)"
        switch node.value {
        case .scalar(let text, let plain): return "\(plain ? "" : "'")\(text.debugDescription)\(at)"
        case .sequence(let items): return "[" + items.map(describe).joined(separator: ", ") + "]\(at)"
        case .mapping(let entries):
            return "{" + entries.map { "\($0.key)@\($0.keyLocation.line):\($0.keyLocation.column): \(describe($0.value))" }
                .joined(separator: ", ") + "}\(at)"
        }
    }

    /// What each gives for `yaml`: the tree, or the error's stage and place (nil when the
    /// composer refuses by a rule of its own that Yams does not have).
    static func compare(_ yaml: String) -> (yams: String, composer: String)? {
        let yams: String
        do {
            yams = describe(try Yams.compose(yaml: yaml, .basic, .default, .utf8).map(reference))
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                yams = "error \(problem) @\(mark.line):\(mark.column) (\(context?.text ?? ""))"
            case .duplicatedKeysInMapping:
                yams = "duplicate"
            default:
                yams = "error \(error)"
            }
        } catch {
            yams = "error \(error)"
        }
        do {
            return (yams, describe(try YAMLComposer.compose(yaml, lineShift: 0)))
        } catch {
            switch error {
            case .syntax(let syntax):
                return (yams, "error \(syntax.problem) @\(syntax.line):\(syntax.column) (\(syntax.context?.text ?? ""))")
            case .refused(.duplicateKey):
                return (yams, "duplicate")
            case .refused:
                return nil
            }
        }
    }

    @Test(arguments: [
        "title: 标题\nreview:\n  reviewer: 张三\n  date: 2012-01-05\n",
        "a: no\nb: '012'\nc: \"1:30\"\nd: |\n  line one\n  line two\ne: >-\n  folded\n  text\nf: ~\ng:\n",
        "list:\n  - one\n  - {x: 1, y: [2, 3]}\n  -\n  - - nested\nflow: {a: b, c: d}\n",
        "base: &b {k: v, l: [1, 2]}\ncopy: *b\nname: &n 主题\n*n : value\n",
        "? plain complex key\n: value\n",
        "# only a comment\n",
        "",
        "a: 1\n...\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\nb: 2\n",
        "a: [1, 2\nb: 3\n",
        "a: b: c\n",
        "a: 'unclosed\n",
        "  a: 1\n b: 2\n",
        "a: *missing\n",
        "a: &x [*x]\n",
        "a: 1\na: 2\n",
        "{a: 1, a: 2}\n",
        "- just\n- a list\n",
        "plain text\n",
        "a: \"\\x00nul\"\n",
        "\t a: 1\n",
        "a: @reserved\n",
        "a: !!str 5\nb: !custom {x: 1}\n",
        "a:\n  - b\n  c: d\n",
        // Anchors on keys name their text, in every place a key is written.
        "&k title: 标题\nsummary: *k\n",
        "x: {&k a: 1, b: *k}\n",
        "x:\n  - &k a: 1\n    b: *k\n",
        "? &k a\n: 1\nb: *k\n",
        "&k \"a\": 1\nb: *k\n",
        "&k : 1\nb: *k\n",
        "&k a: 1\nc: [*k, *k]\n",
        "labels: [&d proactive]\nnotes:\n  &d withheld: 1\ndisclosure: *d\n",
        "&k title: a\n*k : b\n",
    ])
    func composerGivesYamsTree(yaml: String) throws {
        let compared = try #require(Self.compare(yaml))
        #expect(compared.composer == compared.yams)
    }

    @Test func composerGivesYamsTreeForEveryRecordAndFuzzInput() throws {
        var inputs: [String] = []
        for folder in ["content", "Tests/FuzzRegressions", "Tests/EndToEndTests/Fixtures"] {
            let base = Self.repository.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files where ["md", "bin"].contains(file.pathExtension) {
                guard let data = try? Data(contentsOf: file), let text = String(data: data, encoding: .utf8),
                      case .success(let split) = FrontMatterSplitter.split(text) else { continue }
                inputs.append(String(split.yaml))
            }
        }
        #expect(inputs.count > 40)
        var differing: [String] = []
        for yaml in inputs {
            // Inputs past the reader's limits (alias bombs, deep nesting) are refused by it; skipped.
            guard let compared = Self.compare(yaml) else { continue }
            if compared.composer != compared.yams { differing.append(String(yaml.prefix(200))) }
        }
        #expect(differing.isEmpty, "\(differing)")
    }

    /// The sample's front matters with random slips (seeded: the same every run): deleted
    /// and doubled characters, and YAML's own marks put where they do not belong.
    @Test func composerGivesYamsTreeForMangledFrontMatter() throws {
        let base = Self.repository.appendingPathComponent("content")
        let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        let samples = files.filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }.compactMap { file -> [Character]? in
            guard let text = try? String(contentsOf: file, encoding: .utf8),
                  case .success(let split) = FrontMatterSplitter.split(text) else { return nil }
            return Array(split.yaml)
        }
        try #require(samples.count > 20)
        let marks: [String] = [":", "-", "[", "]", "{", "}", ",", "&a ", "*a", "'", "\"", "\t", "\n", " ", "#", "|", ">", "?", "!", "：", "\n  "]
        var random = SeededGenerator(seed: 20261204)
        var differing: [String] = []
        var compared = 0
        for round in 0..<3_000 {
            var text = samples[round % samples.count]
            for _ in 0..<(1 + Int(random.next() % 3)) where !text.isEmpty {
                let at = Int(random.next() % UInt64(text.count))
                switch random.next() % 3 {
                case 0: text.remove(at: at)
                case 1: text.insert(text[at], at: at)
                default: text.insert(contentsOf: marks[Int(random.next() % UInt64(marks.count))], at: at)
                }
            }
            let yaml = String(text)
            guard let result = Self.compare(yaml) else { continue }
            compared += 1
            if result.composer != result.yams { differing.append("\(yaml.debugDescription)\n yams: \(result.yams)\n ours: \(result.composer)") }
        }
        #expect(compared > 2_000)
        #expect(differing.isEmpty, "\(differing.prefix(5).joined(separator: "\n"))")
    }

    @Test func keyWrittenTwiceIsReportedWhereItIsWrittenAgain() throws {
        #expect(throws: FrontMatterReader.Failure.duplicateKey(key: "a", at: SourceLocation(line: 1, column: 8),
                                                               firstAt: SourceLocation(line: 1, column: 2))) {
            try FrontMatterReader.read("{a: 1, a: 2}", firstLine: 1).get()
        }
        #expect(throws: FrontMatterReader.Failure.duplicateKey(key: "标题", at: SourceLocation(line: 3, column: 5),
                                                               firstAt: SourceLocation(line: 2, column: 5))) {
            try FrontMatterReader.read("x:\n  - 标题: 1\n    标题: 2\n", firstLine: 1).get()
        }
    }

    /// The last anchor of a name wins, a key's too: a value read through it is never an
    /// earlier text (a withheld record must not read as published).
    @Test func aKeysAnchorIsTheLastOfItsName() throws {
        let node = try FrontMatterReader.read("labels: [&d proactive]\nnotes:\n  &d withheld: 1\ndisclosure: *d\n", firstLine: 1).get()
        guard case .mapping(let entries) = node.value, case .scalar(let disclosure, _) = entries.last?.value.value else {
            Issue.record("not a mapping with a text last")
            return
        }
        #expect(disclosure == "withheld")
    }

    @Test func aKeyWrittenAgainThroughAnAliasIsReportedAtTheAlias() {
        #expect(throws: FrontMatterReader.Failure.duplicateKey(key: "b", at: SourceLocation(line: 4, column: 3),
                                                               firstAt: SourceLocation(line: 3, column: 3))) {
            try FrontMatterReader.read("x:\n  a: &k b\n  b: 1\n  *k : 2\n", firstLine: 1).get()
        }
    }

    @Test func aliasOfAListIsNoKey() {
        let result = FrontMatterReader.read("l: &l [1]\n*l : 2\n", firstLine: 1)
        guard case .failure(.syntax(let message, let location)) = result else {
            Issue.record("expected a syntax failure, got \(result)")
            return
        }
        #expect(message.en == "a key must be plain text, not a list")
        // At the alias: the key to change.
        #expect(location == SourceLocation(line: 2, column: 1))
    }
}

