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
        var byTag = Groups<String>()
        var byCategory = Groups<[String]>()
        // Per guide: its distinct tags and its category, as numbers into the groups above.
        var guideTags: [[Int]] = []
        var guideCategory: [Int?] = []
        guideTags.reserveCapacity(guides.count)
        guideCategory.reserveCapacity(guides.count)
        for (index, guide) in guides.enumerated() {
            guideTags.append(Set(guide.tags).map { byTag.add($0, guide: index) })
            guideCategory.append(guide.category.isEmpty ? nil : byCategory.add(guide.category, guide: index))
        }
        let count = guides.count
        let (tagMembers, categoryMembers) = (byTag.members, byCategory.members)
        return Parallel.chunks(count) { [guideTags, guideCategory] range in
            var scores = [Int32](repeating: 0, count: count)
            var touched: [Int32] = []
            return range.map { index in
                for tag in guideTags[index] {
                    for other in tagMembers[tag] where Int(other) != index {
                        if scores[Int(other)] == 0 { touched.append(other) }
                        scores[Int(other)] += 2
                    }
                }
                if let category = guideCategory[index] {
                    for other in categoryMembers[category] where Int(other) != index {
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

/// Numbers each distinct key as it is first met, and lists per number the guides that have it.
private struct Groups<Key: Hashable> {
    private var numbers: [Key: Int] = [:]
    private(set) var members: [[Int32]] = []

    /// The key's number, with `guide` added to its members.
    mutating func add(_ key: Key, guide: Int) -> Int {
        let number = numbers[key] ?? members.count
        if number == members.count {
            numbers[key] = number
            members.append([])
        }
        members[number].append(Int32(guide))
        return number
    }
}
