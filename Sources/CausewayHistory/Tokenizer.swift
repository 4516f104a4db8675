/// Splits template text and search text into the words the similarity search weighs.
///
/// Words are runs of ASCII letters, split again at lower-to-upper case changes (`OutOfMemoryError` gives
/// `out`, `memory`, `error`), lower-cased. Words that hold digits, words shorter than three letters and
/// a short list of English function words are dropped: they name instances, not kinds of failure.
enum Tokenizer {
    static let stopwords: Set<String> = [
        "and", "are", "but", "for", "from", "has", "have", "into", "its", "not", "now", "off", "out", "over",
        "per", "than", "that", "the", "then", "this", "too", "was", "were", "will", "with",
    ]

    /// The words of `text`, in order, repeats kept.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func tokens(in text: String) -> [String] {
        var result: [String] = []
        for run in text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
            guard !run.contains(where: \.isNumber) else { continue }
            var start = run.startIndex
            var index = run.startIndex
            while index < run.endIndex {
                let next = run.index(after: index)
                if next == run.endIndex || (run[index].isLowercase && run[next].isUppercase) {
                    let word = run[start..<next].lowercased()
                    if word.count >= 3, !stopwords.contains(word) { result.append(word) }
                    start = next
                }
                index = next
            }
        }
        return result
    }
}
