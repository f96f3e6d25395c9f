/// How many single-character edits turn one word into another, for "did you mean" hints.
enum EditDistance {
    /// The Levenshtein distance, or nil when it is more than `limit` (checked cheaply first by
    /// length, so comparing against a long list of names stays fast).
    static func between(_ lhs: String, _ rhs: String, limit: Int) -> Int? {
        let a = Array(lhs.unicodeScalars), b = Array(rhs.unicodeScalars)
        guard abs(a.count - b.count) <= limit else { return nil }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        let distance = a.isEmpty ? b.count : previous[b.count]
        return distance <= limit ? distance : nil
    }

    /// The candidate closest to `word` within a distance that still reads as a typo of it
    /// (the same letters in another case; else two edits, three for long words); ties go to the
    /// first candidate, so the answer is the same on every run.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        if let sameLetters = candidates.first(where: { $0 != word && $0.lowercased() == word.lowercased() }) { return sameLetters }
        let limit = max(2, min(3, word.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            guard let distance = between(word, candidate, limit: best.map { $0.distance - 1 } ?? limit) else { continue }
            best = (candidate, distance)
        }
        return best?.name
    }
}
