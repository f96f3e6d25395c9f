/// Something in a text that a reader will not see as the author wrote it: dropped, shown as
/// literal syntax, or changed. The parser never stops on these; the build reports each one as
/// a warning at its file and line, so nothing an author wrote disappears without a word.
public struct MarkdownDiagnostic: Sendable, Equatable {
    /// 1-based line in the parsed source (the body, not the file: the loader adds the front matter's lines).
    public var line: Int
    /// 1-based, in characters; 1 when the position within the line is not known.
    public var column: Int
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(line: Int, column: Int = 1, _ message: String, hint: String? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }
}
