/// A flow compiled for the page script: versioned JSON that the script walks without knowing
/// any Swift. Field names here are the wire format; `jsonSchema` describes the same shape.
/// A reader's answers are not in the spec but in the page URL, as `<id>.<question id>=<option
/// id>` query parameters, and without JavaScript as `/flows/<id>/<option id>/…/`; see
/// docs/writing-flows.md for both and for when `currentVersion` changes.
public struct FlowSpec: Codable, Sendable, Equatable, Hashable {
    /// Raised when the wire format changes in a way an old script cannot read.
    public static let currentVersion = 1

    public var specVersion: Int
    public var id: String
    public var title: String
    public var intro: String
    public var start: String
    /// A hash of everything else in the spec, so a page can tell when answers saved under an
    /// older version of the flow may no longer fit.
    public var revision: String
    public var questions: [Question]
    public var outcomes: [Outcome]

    public init(
        specVersion: Int = FlowSpec.currentVersion, id: String, title: String, intro: String, start: String,
        revision: String, questions: [Question], outcomes: [Outcome]
    ) {
        self.specVersion = specVersion
        self.id = id
        self.title = title
        self.intro = intro
        self.start = start
        self.revision = revision
        self.questions = questions
        self.outcomes = outcomes
    }

    public struct Question: Codable, Sendable, Equatable, Hashable {
        public var id: String
        public var prompt: String
        public var hint: String?
        public var options: [Option]

        public init(id: String, prompt: String, hint: String? = nil, options: [Option]) {
            self.id = id
            self.prompt = prompt
            self.hint = hint
            self.options = options
        }
    }

    public struct Option: Codable, Sendable, Equatable, Hashable {
        public var id: String
        public var label: String
        public var next: String

        public init(id: String, label: String, next: String) {
            self.id = id
            self.label = label
            self.next = next
        }
    }

    public struct Outcome: Codable, Sendable, Equatable, Hashable {
        public var id: String
        public var title: String
        public var summary: String
        public var tone: FlowKit.Outcome.Tone
        public var guide: Guide

        public init(id: String, title: String, summary: String, tone: FlowKit.Outcome.Tone, guide: Guide) {
            self.id = id
            self.title = title
            self.summary = summary
            self.tone = tone
            self.guide = guide
        }
    }

    /// The guide an outcome links to, resolved by the generator.
    public struct Guide: Codable, Sendable, Equatable, Hashable {
        public var slug: String
        public var anchor: String?
        /// Where the link goes, anchor included.
        public var url: String
        public var title: String

        public init(slug: String, anchor: String? = nil, url: String, title: String) {
            self.slug = slug
            self.anchor = anchor
            self.url = url
            self.title = title
        }
    }

    /// What the generator knows about a guide: FlowKit knows only slugs.
    public struct GuideLink: Sendable, Equatable, Hashable {
        public var url: String
        public var title: String

        public init(url: String, title: String) {
            self.url = url
            self.title = title
        }
    }
}
