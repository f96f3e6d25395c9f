import Foundation

/// The index as search.js fetches it: a small manifest under a fixed name, and shards under
/// content-hashed names that a query loads a few of. A whole index is megabytes on a large
/// site; a query needs the few terms it names and the display data of ten results.
///
/// - `search/index.json`, the manifest (revalidated by hosts, `_headers`):
///
///       {"version":2,"weights":[8,4,2,1],"categories":[name, …],
///        "sections":"…","pageCategories":[category, count, …],
///        "terms":[[firstTerm, "shards/t-….json"], …],
///        "fragments":{"pages":"…","perVolume":64,"volumes":["…", …]}}
///
///   `sections` holds each page's number of sections, each a base-32 number as in a gap list,
///   so entries can be numbered (the page, then its sections) and a section's page known
///   without its fragment. `pageCategories` are runs of pages in one top-level category
///   (an index into `categories`, -1 for none). Term shards hold consecutive terms in UTF-16
///   order, `terms[i][0]` the first of shard i (`""` for the first shard). `fragments.pages`
///   holds each fragment's number of pages as base-32 numbers; fragment n is
///   `shards/f-<volumes[n / perVolume]>-<n>.json`. Thousands of fragments would make a list of
///   their names most of the manifest, so each run of `perVolume` shares one hash, of all of
///   them: an edit renames the fragments of its volume only.
/// - A term shard: `{"terms":[term, …],"postings":[posting, …]}`, a posting being four lists
///   of entries separated by `,` (title, heading, summary, body; trailing empty ones dropped),
///   or, when longer than `separatePosting`, `[path, length]` naming a file that holds it as a
///   JSON string: a word in every section would otherwise fill the shard that a typo search
///   loads for its neighbours.
/// - A fragment: `[[path, title, summary, [id, text, …], [text, …]], …]` for consecutive pages:
///   each entry's text (`SearchSnippet`), for a snippet around the match.
///
/// Every shard's name holds a hash of its content (a fragment's, of its volume's), so a cached
/// shard of an older build is never read with a newer manifest; they are cached for good
/// (`_headers`). Two builds of the same content
/// write the same bytes.
struct SearchIndexFiles: Sendable {
    /// Every page names the manifest, so its name never changes: a hashed one would change
    /// every page on every edit.
    static let manifestPath = SitePath(["search", "index.json"], directory: false)
    /// Below the manifest's folder; the manifest names shards relative to itself.
    static let shardFolder = "shards/"
    /// A term shard is closed once this large: a query word loads one or two.
    static let termShardBytes = 16 * 1024
    /// Postings longer than this are a file of their own, fetched only for a term a query uses.
    static let separatePosting = 1024
    /// A fragment is closed once this large: ten results load a few.
    static let fragmentBytes = 8 * 1024
    /// Fragments sharing one hash in their names.
    static let fragmentsPerVolume = 64

    /// The manifest first, then the shards by path.
    private(set) var files: [SiteOutput.File] = []

    var manifest: Data {
        guard case .bytes(let data)? = files.first?.contents else { return Data() }
        return data
    }

    init(_ index: SearchIndex) {
        var writer = ShardWriter()
        let terms = Self.termShards(index, &writer)
        let fragments = Self.fragments(index, &writer)
        var json = Array("{\"version\":\(SearchIndex.formatVersion),\"weights\":[".utf8)
        json += Array(SearchIndex.Field.allCases.map { String($0.weight) }.joined(separator: ",").utf8)
        json += Array("],\"categories\":[".utf8)
        Self.appendJoined(index.categories, to: &json) { SearchIndex.appendQuoted($0, to: &$1) }
        json += Array("],\"sections\":\"".utf8)
        for page in index.pages { SearchIndex.appendNumber(page.sections.count, to: &json) }
        json += Array("\",\"pageCategories\":[".utf8)
        Self.appendJoined(Self.categoryRuns(index.pages), to: &json) { run, bytes in
            bytes += Array("\(run.category),\(run.count)".utf8)
        }
        json += Array("],\"terms\":[".utf8)
        Self.appendJoined(terms, to: &json) { shard, bytes in
            bytes.append(UInt8(ascii: "["))
            SearchIndex.appendQuoted(shard.first, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            SearchIndex.appendQuoted(shard.name, to: &bytes)
            bytes.append(UInt8(ascii: "]"))
        }
        json += Array("],\"fragments\":{\"pages\":\"".utf8)
        for count in fragments.pageCounts { SearchIndex.appendNumber(count, to: &json) }
        json += Array("\",\"perVolume\":\(Self.fragmentsPerVolume),\"volumes\":[".utf8)
        Self.appendJoined(fragments.volumes, to: &json) { SearchIndex.appendQuoted($0, to: &$1) }
        json += Array("]}}\n".utf8)
        let folder = Self.manifestPath.outputFile.dropLast("index.json".count)
        files = [.init(path: Self.manifestPath.outputFile, contents: .bytes(Data(json)))]
            + writer.files.sorted { $0.key < $1.key }.map { .init(path: folder + Self.shardFolder + $0.key, contents: .bytes($0.value)) }
    }

    /// Consecutive pages in one category, as the manifest lists them: guides come in reading
    /// order, category by category, so a site has about as many runs as categories.
    static func categoryRuns(_ pages: [SearchIndex.Page]) -> [(category: Int, count: Int)] {
        var runs: [(category: Int, count: Int)] = []
        for page in pages {
            let category = page.category ?? -1
            if let last = runs.last, last.category == category {
                runs[runs.count - 1].count += 1
            } else {
                runs.append((category, 1))
            }
        }
        return runs
    }

    /// The term shards, in term order: each one's first term and name.
    private static func termShards(_ index: SearchIndex, _ writer: inout ShardWriter) -> [(first: String, name: String)] {
        let order = index.sortedTermIndices
        let postings = index.postings
        // Encoding the lists is most of the work; it runs on every core, the cutting after it.
        let encoded = Parallel.chunks(order.count, perCore: 2) { range in
            range.map { position -> [UInt8] in
                var bytes: [UInt8] = []
                let lists = postings[order[position]]
                let used = (lists.lastIndex { !$0.isEmpty } ?? -1) + 1
                for field in 0..<used {
                    if field > 0 { bytes.append(UInt8(ascii: ",")) }
                    SearchIndex.appendList(lists[field], to: &bytes)
                }
                return bytes
            }
        }.flatMap { $0 }
        var shards: [(first: String, name: String)] = []
        var terms: [UInt8] = [], lists: [UInt8] = []
        var first = ""
        for (position, number) in order.enumerated() {
            if terms.isEmpty { first = shards.isEmpty ? "" : index.terms[number] } else {
                terms.append(UInt8(ascii: ","))
                lists.append(UInt8(ascii: ","))
            }
            SearchIndex.appendQuoted(index.terms[number], to: &terms)
            let posting = encoded[position]
            if posting.count > separatePosting {
                var file: [UInt8] = []
                SearchIndex.appendQuoted(String(decoding: posting, as: UTF8.self), to: &file)
                file.append(UInt8(ascii: "\n"))
                let name = writer.add(file, kind: "p")
                lists += Array("[\"\(shardFolder)\(name)\",\(posting.count)]".utf8)
            } else {
                lists.append(UInt8(ascii: "\""))
                lists += posting
                lists.append(UInt8(ascii: "\""))
            }
            if terms.count + lists.count >= termShardBytes || position == order.count - 1 {
                let shard = Array("{\"terms\":[".utf8) + terms + Array("],\"postings\":[".utf8) + lists + Array("]}\n".utf8)
                shards.append((first, shardFolder + writer.add(shard, kind: "t")))
                terms.removeAll(keepingCapacity: true)
                lists.removeAll(keepingCapacity: true)
            }
        }
        return shards
    }

    /// The fragments, in page order: how many pages each holds, and each volume's hash.
    private static func fragments(_ index: SearchIndex, _ writer: inout ShardWriter) -> (volumes: [String], pageCounts: [Int]) {
        let pages = index.pages
        let encoded = pages.parallelMap { page -> [UInt8] in
            var json: [UInt8] = [UInt8(ascii: "[")]
            for text in [page.path, page.title, page.summary] {
                SearchIndex.appendQuoted(text, to: &json)
                json.append(UInt8(ascii: ","))
            }
            json.append(UInt8(ascii: "["))
            appendJoined(page.sections, to: &json) { section, bytes in
                SearchIndex.appendQuoted(section.id == SearchText.autoID(section.text) ? "" : section.id, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                SearchIndex.appendQuoted(section.text, to: &bytes)
            }
            json += Array("],[".utf8)
            appendJoined(page.excerpts, to: &json) { SearchIndex.appendQuoted($0, to: &$1) }
            json += Array("]]".utf8)
            return json
        }
        var chunks: [Data] = []
        var pageCounts: [Int] = []
        var chunk: [UInt8] = []
        var count = 0
        for (number, page) in encoded.enumerated() {
            chunk.append(count == 0 ? UInt8(ascii: "[") : UInt8(ascii: ","))
            chunk += page
            count += 1
            if chunk.count >= fragmentBytes || number == encoded.count - 1 {
                chunk += Array("]\n".utf8)
                chunks.append(Data(chunk))
                pageCounts.append(count)
                chunk.removeAll(keepingCapacity: true)
                count = 0
            }
        }
        // A volume's hash is one of its fragments' own: a change to one renames its volume only.
        var volumes: [String] = []
        for start in stride(from: 0, to: chunks.count, by: fragmentsPerVolume) {
            var hashes = Data()
            for chunk in chunks[start..<Swift.min(start + fragmentsPerVolume, chunks.count)] {
                withUnsafeBytes(of: ContentHash.fnv1a(chunk).littleEndian) { hashes.append(contentsOf: $0) }
            }
            volumes.append(ContentHash.fingerprint(hashes))
        }
        for (number, chunk) in chunks.enumerated() {
            writer.files["f-\(volumes[number / fragmentsPerVolume])-\(number).json"] = chunk
        }
        return (volumes, pageCounts)
    }

    static func appendJoined<T>(_ items: [T], to bytes: inout [UInt8], _ append: (T, inout [UInt8]) -> Void) {
        for (position, item) in items.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            append(item, &bytes)
        }
    }
}

/// Names shards by their content. Two shards with the same bytes are one file; two with
/// different bytes and the same hash (improbable, but possible) get different names, still
/// the same in every build.
private struct ShardWriter {
    /// By name below `shards/`.
    var files: [String: Data] = [:]

    mutating func add(_ bytes: [UInt8], kind: String) -> String {
        let data = Data(bytes)
        let hash = ContentHash.fingerprint(data)
        var name = "\(kind)-\(hash).json"
        var attempt = 1
        while let known = files[name], known != data {
            attempt += 1
            name = "\(kind)-\(hash)-\(attempt).json"
        }
        files[name] = data
        return name
    }
}
