import Foundation
import Testing
import TestSupport
@testable import ArxivFormats

struct DigestParserTests {
    /// Expected values read from ../shared/data/digests/2025-12-23.md: id, full title, first author,
    /// the abstract's first and last characters and its length in Unicode scalars after whitespace
    /// collapsing, and the line each row starts on.
    static let rows: [(id: String, title: String, author: String, start: String, end: String, length: Int)] = [
        ("2512.19693v1", "棱镜假说：通过统一自编码实现语义与像素表征的和谐统一", "Weichen Fan",
         "跨模态的深度表征本质上是相互交织的。本文系统分析了", "进性能将语义抽象与像素级保真度统一于单一潜在空间。", 336),
        ("2512.19692v1", "Interact2Ar：基于自回归扩散模型的全身体人-人交互生成", "Pablo Ruiz-Ponce",
         "生成逼真的人与人交互是一项极具挑战性的任务，它不仅", "act2Ar在交互生成领域达到了最先进的性能水平。", 455),
        ("2512.19691v1", "在医师监督下可扩展地提升任务基准的临床有效性", "Junze Ye",
         "临床风险评分的自动化计算为减轻医生行政负担、提升患", "领域，严格的基准维护是实现真正模型对齐的前提条件。", 492),
        ("2512.19687v1", "通过大规模多模态对应学习，拓展视听感知的前沿领域", "Apoorv Vyas",
         "我们推出感知编码器视听版（Perception E", "本的细粒度对齐，为声音事件检测等任务提供精准支持。", 436),
        ("2512.19686v1", "视觉感知链式思维：在统一模型中实现高保真视觉一致性", "Zixuan Ye",
         "近期，思维链（CoT）的引入显著提升了统一模型的生", "用文本思维链的模型，展现出更高的视觉上下文一致性。", 408),
        ("2512.19684v1", "从视频中零样本重建场景内物体操作", "Dixuan Lin",
         "我们构建了首个系统，旨在解决从单目RGB视频中重建", "，并确保其与输入视频中观察到的场景信息保持一致性。", 241),
        ("2512.19683v1", "从室内到开放世界：揭示多模态大语言模型的空间推理差距", "Mingrui Wu",
         "尽管多模态大语言模型（MLLMs）在语义任务上已取", "进具有物理基础的空间智能发展提供了系统性研究平台。", 406),
        ("2512.19682v1", "GenEnv：大型语言模型代理与环境模拟器间的难度对齐协同进化", "Jiacheng Guo",
         "训练高效的大型语言模型（LLM）智能体，目前面临的", "nv为扩展智能体能力提供了一条数据高效的进化路径。", 437),
        ("2512.19680v1", "VA-$π$：面向像素感知自回归生成的变分策略对齐", "Xinyao Liao",
         "自回归（AR）视觉生成模型依赖分词器将图像映射至离", "thub.com/Lil-Shake/VA-Pi。", 614),
        ("2512.19678v1", "WorldWarp：基于异步视频扩散的三维几何传播", "Hanyang Kong",
         "生成几何一致的长视频面临一个根本性困境：一致性要求", "thub.io/worldwarp-page/}。", 530),
    ]

    @Test func everyRowOfTheRealDigest() throws {
        let page = try DigestParser.parse(SharedData.data("digests/2025-12-23.md"), file: "2025-12-23.md")
        #expect(page.issues.isEmpty, "\(page.issues)")
        #expect(page.listingDate == "2025-12-23")
        try #require(page.papers.count == Self.rows.count)
        let midnight = Date(timeIntervalSince1970: 1_766_448_000) // 2025-12-23T00:00:00Z
        for (paper, expected) in zip(page.papers, Self.rows) {
            #expect(paper.id.description == expected.id)
            #expect(paper.title == expected.title)
            #expect(paper.authors == [expected.author])
            #expect(paper.abstract.hasPrefix(expected.start), "\(expected.id)")
            #expect(paper.abstract.hasSuffix(expected.end), "\(expected.id)")
            #expect(paper.abstract.unicodeScalars.count == expected.length, "\(expected.id)")
            #expect(paper.language == "zh")
            #expect(paper.source == .digest)
            #expect(paper.published == midnight)
            #expect(paper.categories.isEmpty)
        }
    }

    @Test func keepsMarkupAndJoinsParagraphs() throws {
        let page = try DigestParser.parse(SharedData.data("digests/2025-12-23.md"), file: "2025-12-23.md")
        let byID = Dictionary(uniqueKeysWithValues: page.papers.map { ($0.id.base, $0) })
        // The abstract of 2512.19687 spans lines 8–12 with blank lines between paragraphs.
        let multiLine = try #require(byID["2512.19687"])
        #expect(multiLine.abstract.contains("扩展跨模态与描述类型的配对能显著增强表征对齐能力"))
        #expect(multiLine.abstract.contains("PE-A-Frame"))
        #expect(!multiLine.abstract.contains("\n"))
        #expect(try #require(byID["2512.19678"]).abstract.contains("\\href{https://hyokong.github.io/worldwarp-page/}{https://hyokong.github.io/worldwarp-page/}"))
        #expect(try #require(byID["2512.19686"]).abstract.contains("**视觉上下文一致性**"))
        #expect(try #require(byID["2512.19680"]).abstract.contains("https://github.com/Lil-Shake/VA-Pi"))
    }

    @Test func malformedRowsAreIssuesAndTheRestIsParsed() throws {
        let text = """
        # arxiv 2025-12-23

        | 标题 | 作者 | PDF链接 |  摘要 |
        |------|------|--------|------|
        | 好的标题 | Ada Lovelace | [PDF](https://arxiv.org/pdf/2512.00001v2) | 第一段。

        第二段，含 $|x|$ 与 **粗体**。 |
        | 缺少链接 | Alan Turing | [PDF](https://example.org/paper.pdf) | 摘要 |
        | 只有三格 | [PDF](https://arxiv.org/pdf/2512.00003v1) | 摘要 |
        | 未闭合的行 | Grace Hopper | [PDF](https://arxiv.org/pdf/2512.00004v1) | 没有结尾
        | 标题 | 含 | 竖线 | Edsger Dijkstra | [PDF](https://arxiv.org/pdf/2512.00005v1) | 摘要 |
        """
        let page = try DigestParser.parse(Data(text.utf8), file: "bad.md")
        #expect(page.papers.map(\.id.description) == ["2512.00001v2", "2512.00005v1"])
        #expect(page.papers.first?.abstract == "第一段。 第二段，含 $|x|$ 与 **粗体**。")
        #expect(page.papers.last?.title == "标题 | 含 | 竖线")
        #expect(page.papers.last?.authors == ["Edsger Dijkstra"])
        #expect(page.issues.map(\.line) == [8, 9, 10])
        #expect(page.issues.allSatisfy { $0.file == "bad.md" })
        #expect(page.issues[0].description.hasPrefix("bad.md:8: row has no arXiv PDF link"))
        #expect(page.issues[1].description.contains("3 cells"))
        #expect(page.issues[2].description.contains("not closed"))
    }

    @Test func notADigestIsOneError() {
        #expect(throws: FeedParseError.self) { try DigestParser.parse(Data("hello\nworld\n".utf8), file: "x.md") }
        #expect(throws: FeedParseError.empty(file: "e.md")) { try DigestParser.parse(Data(" \n".utf8), file: "e.md") }
        #expect(throws: FeedParseError.binary(file: "b.md")) { try DigestParser.parse(Data([0x7C, 0x00, 0xFF]), file: "b.md") }
    }
}
