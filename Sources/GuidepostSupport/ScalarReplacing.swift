extension StringProtocol {
    /// The text with each Unicode scalar for which `replacement` answers replaced by its answer.
    ///
    /// Every escaper for a text format that is not HTML (a Mermaid label, a DOT string, JSON
    /// inside a script element, a line of the build cache) is this loop with its own table, so
    /// each format's file holds only its table. Scalars, not `Character`s: a reader of any of
    /// those formats sees code points, and a quote followed by a combining mark is still a quote.
    public func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let replaced = replacement(scalar) {
                result += replaced
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
