/// Up to five guides a reader of one guide is likely to want next: shared tags count most,
/// the same category breaks ties, then reading order.
///
/// Candidates come from tag and category indexes rather than from every other guide, so a
/// 10,000-guide site does not compare 100 million pairs. Scores are kept in an array indexed by
/// guide (a guide with common tags has thousands of candidates, and hashing each was most of
/// the model step), and guides are scored on every core.
enum RelatedGuides {
    /// The fingerprint of what related guides are computed from: every guide's tags and
    /// category, in reading order (`BuildMemo.related`).
    static func key(_ guides: [Guide]) -> UInt64 {
        var print = Fingerprint()
        print.add(guides.count)
        for guide in guides {
            print.add(guide.tags.count)
            for tag in guide.tags { print.add(tag) }
            print.add(guide.category.count)
            for part in guide.category { print.add(part) }
        }
        return print.value
    }

    static func compute(_ guides: [Guide], limit: Int = 5) -> [[Int]] {
        var tagNumbers: [String: Int] = [:]
        var byTag: [[Int32]] = []
        var categoryNumbers: [[String]: Int] = [:]
        var byCategory: [[Int32]] = []
        // Per guide: its distinct tags and its category, as numbers into the lists above.
        var guideTags: [[Int]] = []
        var guideCategory: [Int?] = []
        guideTags.reserveCapacity(guides.count)
        guideCategory.reserveCapacity(guides.count)
        for (index, guide) in guides.enumerated() {
            var tags: [Int] = []
            for tag in Set(guide.tags) {
                let number = tagNumbers[tag] ?? byTag.count
                if number == byTag.count {
                    tagNumbers[tag] = number
                    byTag.append([])
                }
                byTag[number].append(Int32(index))
                tags.append(number)
            }
            guideTags.append(tags)
            if guide.category.isEmpty {
                guideCategory.append(nil)
            } else {
                let number = categoryNumbers[guide.category] ?? byCategory.count
                if number == byCategory.count {
                    categoryNumbers[guide.category] = number
                    byCategory.append([])
                }
                byCategory[number].append(Int32(index))
                guideCategory.append(number)
            }
        }
        let count = guides.count
        return Parallel.chunks(count) { [byTag, byCategory, guideTags, guideCategory] range in
            var scores = [Int32](repeating: 0, count: count)
            var touched: [Int32] = []
            return range.map { index in
                for tag in guideTags[index] {
                    for other in byTag[tag] where Int(other) != index {
                        if scores[Int(other)] == 0 { touched.append(other) }
                        scores[Int(other)] += 2
                    }
                }
                if let category = guideCategory[index] {
                    for other in byCategory[category] where Int(other) != index {
                        if scores[Int(other)] == 0 { touched.append(other) }
                        scores[Int(other)] += 1
                    }
                }
                var top: [(index: Int, score: Int)] = []
                top.reserveCapacity(limit + 1)
                for other in touched {
                    let candidate = (index: Int(other), score: Int(scores[Int(other)]))
                    scores[Int(other)] = 0
                    guard top.count < limit || Self.before(candidate, top[top.count - 1]) else { continue }
                    let position = top.firstIndex { !Self.before($0, candidate) } ?? top.count
                    top.insert(candidate, at: position)
                    if top.count > limit { top.removeLast() }
                }
                touched.removeAll(keepingCapacity: true)
                return top.map(\.index)
            }
        }.flatMap { $0 }
    }

    /// Higher scores first; among equal scores, the guide that comes first in reading order.
    private static func before(_ a: (index: Int, score: Int), _ b: (index: Int, score: Int)) -> Bool {
        a.score != b.score ? a.score > b.score : a.index < b.index
    }
}
