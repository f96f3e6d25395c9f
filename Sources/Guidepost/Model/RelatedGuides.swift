/// Up to five guides a reader of one guide is likely to want next: shared tags count most,
/// the same category breaks ties, then reading order.
///
/// Candidates come from tag and category indexes rather than from every other guide, so a
/// 10,000-guide site does not compare 100 million pairs.
enum RelatedGuides {
    static func compute(_ guides: [Guide], limit: Int = 5) -> [[Int]] {
        var byTag: [String: [Int]] = [:]
        var byCategory: [[String]: [Int]] = [:]
        for (index, guide) in guides.enumerated() {
            for tag in Set(guide.tags) { byTag[tag, default: []].append(index) }
            if !guide.category.isEmpty { byCategory[guide.category, default: []].append(index) }
        }
        return guides.indices.map { index in
            let guide = guides[index]
            var scores: [Int: Int] = [:]
            for tag in Set(guide.tags) {
                for other in byTag[tag] ?? [] where other != index { scores[other, default: 0] += 2 }
            }
            if !guide.category.isEmpty {
                for other in byCategory[guide.category] ?? [] where other != index { scores[other, default: 0] += 1 }
            }
            return Self.best(scores, limit: limit)
        }
    }

    /// The `limit` highest scores, ties going to the guide that comes first in reading order.
    private static func best(_ scores: [Int: Int], limit: Int) -> [Int] {
        var top: [(index: Int, score: Int)] = []
        top.reserveCapacity(limit + 1)
        for (index, score) in scores {
            guard top.count < limit || Self.before((index, score), top[top.count - 1]) else { continue }
            let position = top.firstIndex { !Self.before($0, (index, score)) } ?? top.count
            top.insert((index, score), at: position)
            if top.count > limit { top.removeLast() }
        }
        return top.map(\.index)
    }

    private static func before(_ a: (index: Int, score: Int), _ b: (index: Int, score: Int)) -> Bool {
        a.score != b.score ? a.score > b.score : a.index < b.index
    }
}
