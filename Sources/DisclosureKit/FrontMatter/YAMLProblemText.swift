/// libyaml's words for a syntax error, in Chinese: its problems and the contexts it names
/// ("while scanning a quoted scalar") are a fixed set of English sentences, and a webmaster
/// who reads Chinese should not meet them inside a Chinese message. A text not in the
/// tables (a newer libyaml's) is kept as libyaml wrote it.
enum YAMLProblemText {
    static func chinese(problem: String) -> String {
        problems[problem] ?? problem
    }

    static func chinese(context: String) -> String {
        contexts[context] ?? context
    }

    private static let problems: [String: String] = [
        "mapping values are not allowed in this context": "此处不能再开始一个字段（值中含有 ': ' 时，请给整个值加上引号）",
        "found unexpected end of stream": "前置信息意外结束（是否有引号或括号没有闭合？）",
        "found character that cannot start any token": "出现了不能出现在此处的字符（例如制表符 Tab：YAML 只能用空格缩进）",
        "found a tab character that violates indentation": "缩进中有制表符（Tab）；YAML 只能用空格缩进",
        "found a tab character where an indentation space is expected": "应为缩进空格的地方是制表符（Tab）；YAML 只能用空格缩进",
        "did not find expected key": "没有找到应有的字段名（请检查这一行的缩进是否与上下文对齐）",
        "did not find expected node content": "没有找到应有的内容",
        "did not find expected ',' or ']'": "没有找到应有的 ',' 或 ']'（方括号是否没有闭合？）",
        "did not find expected ',' or '}'": "没有找到应有的 ',' 或 '}'（花括号是否没有闭合？）",
        "did not find expected '-' indicator": "没有找到应有的列表项 '- '（请检查列表项的缩进是否一致）",
        "could not find expected ':'": "没有找到应有的 ':'",
        "block sequence entries are not allowed in this context": "此处不能出现列表项 '- '",
        "block mapping entries are not allowed in this context": "此处不能出现字段",
        "found unknown escape character": "双引号中有无法识别的转义字符（反斜杠 '\\'；要写反斜杠本身请用 '\\\\' 或改用单引号）",
        "found undefined tag handle": "使用了未定义的标签",
        "found unexpected document indicator": "出现了意外的文档分隔符",
        "found incompatible YAML document": "不兼容的 YAML 文档版本",
        "found duplicate %YAML directive": "%YAML 指令重复",
        "found unexpected ':'": "出现了意外的 ':'",
        "did not find URI escaped octet": "标签中的 URI 转义字符不完整",
        "did not find expected alphabetic or numeric character": "没有找到应有的字母或数字（锚点或别名的名称）",
        "did not find expected whitespace or line break": "没有找到应有的空格或换行",
        "found extra tokens at the end of the stream": "前置信息末尾有多余的内容",
        "did not find expected <document start>": "没有找到应有的文档开始标记",
        "found character that cannot start any token, check indentation": "出现了不能出现在此处的字符，请检查缩进",
        "invalid leading UTF-8 octet": "无效的 UTF-8 字节",
        "invalid trailing UTF-8 octet": "无效的 UTF-8 字节",
        "control characters are not allowed": "不允许出现控制字符",
        "invalid Unicode character": "无效的 Unicode 字符",
        "incomplete UTF-8 octet sequence": "不完整的 UTF-8 字节序列",
        "invalid length of a UTF-8 sequence": "UTF-8 字节序列长度无效",
        "input is too long": "输入过长",
        "found undefined alias": "使用了未定义的别名（'*名称' 之前没有对应的 '&名称'）",
        "but found another document": "但这里又开始了一个文档（前置信息中不能有 '...' 或第二个 '---'）",
        "did not find expected '!'": "没有找到应有的 '!'",
        "did not find expected comment or line break": "没有找到应有的注释或换行",
        "did not find expected digit or '.' character": "没有找到应有的数字或 '.'",
        "did not find expected hexdecimal number": "没有找到应有的十六进制数字",
        "did not find expected tag URI": "没有找到应有的标签 URI",
        "did not find expected version number": "没有找到应有的版本号",
        "did not find expected whitespace": "没有找到应有的空格",
        "did not find the expected '>'": "没有找到应有的 '>'",
        "did not find expected <stream-start>": "没有找到应有的开始标记",
        "could not find expected directive name": "没有找到应有的指令名称",
        "found extremely long version number": "版本号过长",
        "found unknown directive name": "出现了未知的指令名称",
    ]

    private static let contexts: [String: String] = [
        "while scanning a quoted scalar": "读取带引号的文字时",
        "while scanning a plain scalar": "读取文字时",
        "while scanning a simple key": "读取字段名时",
        "while scanning a block scalar": "读取多行文字（| 或 >）时",
        "while parsing a block mapping": "读取字段时",
        "while parsing a block collection": "读取列表时",
        "while parsing a flow mapping": "读取花括号 { } 中的内容时",
        "while parsing a flow sequence": "读取方括号 [ ] 中的内容时",
        "while parsing a flow node": "读取括号中的内容时",
        "while parsing a block node": "读取内容时",
        "while parsing a node": "读取内容时",
        "while scanning an anchor": "读取锚点时",
        "while scanning an alias": "读取别名时",
        "while scanning a tag": "读取标签时",
        "while scanning a directive": "读取指令时",
        "while parsing a tag": "读取标签时",
        "while parsing a flow mapping entry": "读取花括号 { } 中的内容时",
        "while scanning for the next token": "读取下一项内容时",
        "while parsing": "读取内容时",
        "while parsing a quoted scalar": "读取带引号的文字时",
        "while scanning a %TAG directive": "读取 %TAG 指令时",
        "while scanning a %YAML directive": "读取 %YAML 指令时",
        "while scanning a tag directive": "读取标签指令时",
        "while parsing a tag directive": "读取标签指令时",
        "expected a single document in the stream": "前置信息只能是一个文档",
    ]
}
