/// Chinese function characters and function words, dropped from the CJK features.
///
/// Why a list: the bundled model is fitted on English papers, so no CJK bucket has a fitted idf — every
/// Chinese n-gram gets the same, maximal weight, and 的, 我们 or 通过 (of, we, through) weigh as much as
/// 扩散 (diffusion). English gets this from scikit-learn's stop words *and* idf; Chinese gets it here.
/// The lists are short and conservative: particles, pronouns, conjunctions and the boilerplate verbs of
/// an abstract ("we propose", "by means of", "achieve", "carry out"). A function character is dropped only as
/// a unigram: its bigrams stay unless listed, because many also begin content words (对齐, alignment; 和谐,
/// harmony; 并行, parallel).
enum ChineseStopWords {
    /// Single characters dropped as unigrams (bigrams containing them are kept unless listed below).
    static let characters: [String] = [
        "的", "了", "在", "是", "和", "与", "及", "或", "等", "对", "为", "以", "于", "中", "其", "该", "这", "那",
        "并", "而", "也", "都", "被", "将", "从", "由", "之", "所", "个", "把", "就", "又", "还", "但", "即", "则",
        "若", "如", "此", "且", "已", "我", "们", "一", "种", "可", "能", "使", "用", "通", "过", "进", "行",
        "提", "出", "实", "现", "基", "本", "文", "上", "下", "不", "有", "更", "很", "最",
    ]

    /// Two-character words dropped as bigrams (including a few particle pairs that straddle two words, 的是 中的).
    static let words: [String] = [
        "我们", "本文", "通过", "实现", "进行", "提出", "一种", "以及", "利用", "基于", "使用", "采用", "此外",
        "然而", "其中", "这些", "这种", "这一", "并且", "从而", "因此", "可以", "能够", "具有", "不同", "现有",
        "由于", "之间", "其他", "所有", "为了", "对于", "关于", "同时", "如何", "是否", "或者", "而且", "但是",
        "虽然", "尽管", "进一", "一步", "方面", "表明", "显示", "结果", "研究", "方法", "问题", "以上", "以下",
        "一个", "一些", "这个", "在于", "旨在", "主要", "相关", "有效", "显著", "提升",
        "提高", "实验", "证明", "验证", "包括", "例如", "并在", "的是", "中的", "上的", "了一",
    ]

    /// Particles, prepositions and conjunctions that glue onto a word in running text (的性能, 模型在,
    /// 和泛化能力, 显著提升了) but begin or end hardly any word of their own: a learned word made of one of
    /// them and a shorter learned word is a phrase, not a word (``ChineseLexiconLearner``). Narrower than
    /// ``characters``, whose 可, 不, 最 begin real words (可解释性, 不确定性).
    static let boundaryParticles: Set<String> = [
        "的", "了", "在", "是", "和", "与", "及", "或", "等", "对", "为", "以", "于", "中", "其", "该", "这", "并",
        "而", "也", "都", "被", "将", "从", "由", "之", "所", "把", "就", "又", "还", "但", "即", "则", "若", "如",
        "此", "且", "已", "上", "下",
    ]

    /// Keyed by the unseeded FNV-1a hash of the character's UTF-8 bytes (a CJK token's hash).
    static let characterTable = StopWordTable(words: characters)
    /// Keyed by the unseeded FNV-1a hash of both characters' UTF-8 bytes.
    static let wordTable = StopWordTable(words: words)
}
