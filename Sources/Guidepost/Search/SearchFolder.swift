/// Folds text and cuts it into tokens by the steps `SearchText` describes, with a memo: folding a
/// non-ASCII cluster goes through Foundation's normalisation, which is slow, and a site repeats
/// the same few hundred such clusters endlessly.
///
/// Every page's text passes through here, so it reads UTF-8 bytes: an ASCII letter not followed
/// by a combining mark (nearly all of them) is its own cluster and folds by arithmetic, and words
/// are gathered as bytes, becoming a `String` only once they are complete.
struct SearchFolder {
    private var memo: [String: [Unicode.Scalar]] = [:]
    private var shortMemo: [UInt64: [Unicode.Scalar]] = [:]
    private var cluster: [Unicode.Scalar] = []
    /// The word being read, as UTF-8, at most `SearchText.maxWordLength` scalars.
    private var word: [UInt8] = []
    /// Scalars of the word, counting those past the cut.
    private var wordLength = 0
    private var run: [Unicode.Scalar] = []

    /// See `SearchText.terms`.
    mutating func terms(_ text: String) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        forEachTerm(text) { term in
            if seen.insert(term).inserted { result.append(term) }
        }
        return result
    }

    /// Each term of `text` in order, repeats included: words, and each CJK run's grams.
    mutating func forEachTerm(_ text: String, _ body: (String) -> Void) {
        forEachToken(text) { token, isCJK in
            if isCJK {
                for gram in SearchText.grams(token) { body(gram) }
            } else {
                body(token)
            }
        }
    }

    mutating func tokenize(_ text: String) -> [SearchText.Token] {
        var tokens: [SearchText.Token] = []
        forEachToken(text) { tokens.append(.init(text: $0, isCJK: $1)) }
        return tokens
    }

    mutating func foldedScalars(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        forEachFolded(text) { result.append($0) }
        return result
    }

    /// A token as the folder reads it, before it is a `String`: a word's UTF-8 (valid only
    /// during the call it is passed to), or a CJK run's scalars.
    enum RawToken {
        case word(UnsafeBufferPointer<UInt8>)
        case run([Unicode.Scalar])
    }

    /// The folded words and CJK runs of `text`, in order; `isCJK` tells which.
    mutating func forEachToken(_ text: String, _ body: (_ token: String, _ isCJK: Bool) -> Void) {
        forEachRawToken(text) { token in
            switch token {
            case .word(let bytes): body(String(decoding: bytes, as: UTF8.self), false)
            case .run(let scalars):
                var run = String.UnicodeScalarView()
                run.append(contentsOf: scalars)
                body(String(run), true)
            }
        }
    }

    /// `forEachToken` without making a `String` of each token, for the index, which looks most
    /// words up by their bytes.
    mutating func forEachRawToken(_ text: String, _ body: (RawToken) -> Void) {
        word.removeAll(keepingCapacity: true)
        wordLength = 0
        run.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if Self.isLoneASCII(bytes, at: index) {
                    addASCII(byte < 0x41 || byte > 0x5A ? byte : byte + 32, body)
                    index += 1
                } else {
                    let (folded, next) = foldCluster(bytes, at: index)
                    for scalar in folded { add(scalar, body) }
                    index = next
                }
            }
        }
        flushWord(body)
        flushRun(body)
    }

    private mutating func forEachFolded(_ text: String, _ body: (Unicode.Scalar) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if Self.isLoneASCII(bytes, at: index) {
                    body(Unicode.Scalar(byte < 0x41 || byte > 0x5A ? byte : byte + 32))
                    index += 1
                } else {
                    let (folded, next) = foldCluster(bytes, at: index)
                    folded.forEach(body)
                    index = next
                }
            }
        }
    }

    /// Folds the cluster starting at `index` (a scalar and the marks after it); `next` is where
    /// the next cluster starts.
    private mutating func foldCluster(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (folded: [Unicode.Scalar], next: Int) {
        cluster.removeAll(keepingCapacity: true)
        let (scalar, start) = Self.decode(bytes, at: index)
        var end = start
        cluster.append(scalar)
        while end < bytes.count {
            let next: Unicode.Scalar
            let after: Int
            (next, after) = Self.decode(bytes, at: end)
            guard SearchText.isMark(next) else { break }
            cluster.append(next)
            end = after
        }
        // Nearly every cluster is a letter of two or three bytes: its bytes and length in one
        // integer make the memo's key, with no string to build and hash.
        if end - index <= 7 {
            var key = UInt64(end - index)
            for offset in index..<end { key = key << 8 | UInt64(bytes[offset]) }
            if let known = shortMemo[key] { return (known, end) }
            let folded = Array(SearchText.foldCluster(cluster).unicodeScalars)
            shortMemo[key] = folded
            return (folded, end)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
        if let known = memo[text] { return (known, end) }
        let folded = Array(SearchText.foldCluster(cluster).unicodeScalars)
        memo[text] = folded
        return (folded, end)
    }

    private mutating func addASCII(_ byte: UInt8, _ body: (RawToken) -> Void) {
        if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
            flushRun(body)
            if wordLength < SearchText.maxWordLength { word.append(byte) }
            wordLength += 1
        } else {
            flushWord(body)
            flushRun(body)
        }
    }

    private mutating func add(_ scalar: Unicode.Scalar, _ body: (RawToken) -> Void) {
        if SearchText.isCJK(scalar) {
            flushWord(body)
            run.append(scalar)
        } else if SearchText.isWordCharacter(scalar) {
            flushRun(body)
            if wordLength < SearchText.maxWordLength { word.append(contentsOf: UTF8.encode(scalar)!) }
            wordLength += 1
        } else {
            flushWord(body)
            flushRun(body)
        }
    }

    private mutating func flushWord(_ body: (RawToken) -> Void) {
        guard !word.isEmpty else { return }
        word.withUnsafeBufferPointer { body(.word($0)) }
        word.removeAll(keepingCapacity: true)
        wordLength = 0
    }

    private mutating func flushRun(_ body: (RawToken) -> Void) {
        guard !run.isEmpty else { return }
        body(.run(run))
        run.removeAll(keepingCapacity: true)
    }

    /// An ASCII byte that no combining mark follows: a cluster of its own, folded by arithmetic.
    @inline(__always)
    private static func isLoneASCII(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        bytes[index] < 0x80 && (index + 1 == bytes.count || bytes[index + 1] < 0x80 || !isMark(bytes, at: index + 1))
    }

    private static func isMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        SearchText.isMark(decode(bytes, at: index).scalar)
    }

    /// The scalar whose UTF-8 starts at `index`, and where the next one starts. Swift strings
    /// hold valid UTF-8, so the lead byte says how many bytes follow.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, next: Int) {
        let lead = UInt32(bytes[index])
        let value: UInt32
        let length: Int
        if lead < 0x80 {
            return (Unicode.Scalar(UInt8(lead)), index + 1)
        } else if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value).unsafelyUnwrapped, index + length)
    }
}
