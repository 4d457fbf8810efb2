import Foundation
import Testing
@testable import DisclosureKit

@Suite struct SearchTokenizerTests {
    @Test func chineseBecomesBigramsAndLatinWords() {
        #expect(SearchTokenizer.terms("政府信息") == ["政府", "府信", "信息"])
        #expect(SearchTokenizer.terms("PM2.5 浓度") == ["pm2", "5", "浓度"])
        #expect(SearchTokenizer.terms("5G基站建设") == ["5g", "基站", "站建", "建设"])
        #expect(SearchTokenizer.terms("关于GDP统计的通知") == ["关于", "gdp", "统计", "计的", "的通", "通知"])
    }

    @Test func fullWidthPunctuationSeparatesAndFullWidthLettersFold() {
        #expect(SearchTokenizer.terms("预算，决算。三公经费！") == ["预算", "决算", "三公", "公经", "经费"])
        #expect(SearchTokenizer.terms("《条例》第十二条") == ["条例", "第十", "十二", "二条"])
        #expect(SearchTokenizer.terms("ＰＤＦ格式　２０２４年") == ["pdf", "格式", "2024", "年"])
    }

    @Test func oneCharacterRunsAndIndexNumbers() {
        #expect(SearchTokenizer.terms("区 县") == ["区", "县"])
        #expect(SearchTokenizer.terms("000014349/2012-00123") == ["000014349", "2012", "00123"])
        #expect(SearchTokenizer.terms("南府办〔2012〕15号") == ["南府", "府办", "2012", "15", "号"])
        #expect(SearchTokenizer.terms("") == [])
        #expect(SearchTokenizer.terms("—— ……") == [])
    }
}

@Suite struct CatalogDataTests {
    @Test func csvQuotingFollowsRFC4180() {
        #expect(CatalogData.csvField("明湖区财政局") == "明湖区财政局")
        #expect(CatalogData.csvField("a,b") == "\"a,b\"")
        #expect(CatalogData.csvField("说\"明\"") == "\"说\"\"明\"\"\"")
        #expect(CatalogData.csvField("两\n行") == "\"两\n行\"")
        #expect(CatalogData.csvField("回车\r\n换行") == "\"回车\r\n换行\"")
        #expect(CatalogData.csvField(" 前导空格") == "\" 前导空格\"")
        #expect(CatalogData.csvField("") == "")
        #expect(CatalogData.csvField("=1+1") == "'=1+1")
        #expect(CatalogData.csvField("@x,y") == "\"'@x,y\"")
        #expect(CatalogData.csvField("-") == "'-")
        #expect(CatalogData.csvField("\t+1") == "'\t+1")
        #expect(CatalogData.csvField("1-2=3") == "1-2=3")
    }
}

@Suite struct SearchTokenizerVisitTests {
    /// The index's fast path finds exactly the terms the tokenizer (and search.js) finds.
    @Test(arguments: ["政府信息", "PM2.5 浓度", "区 县", "南府办〔2012〕15号", "ＰＤＦ格式　２０２４年", "a", "中", "", "—— ……",
                      "Ärger über Café 2024", "𠀀𠀁中 𠀂", "emoji😀文字A", "〇年一月", "ＡＢＣ－ｄｅｆ", "é中é"])
    func visitAgreesWithTerms(_ text: String) {
        var visited: [String] = []
        SearchTokenizer.visit(text, han: { visited.append(SearchTokenizer.hanTerm($0)) }, word: { visited.append($0) })
        #expect(visited == SearchTokenizer.terms(text))
    }
}
