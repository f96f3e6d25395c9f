import FlowKit

extension HelpFlows {
    /// A verification code by text or email that never arrives is nearly always delayed,
    /// filtered or blocked on the reader's side. This finds the check that fits, and only
    /// then suggests another way in or support.
    public static let missingCode = Flow(
        id: "missing-code",
        title: "Find out why a verification code doesn't arrive",
        intro: "A code that doesn't arrive is usually delayed, filtered or blocked on the way. "
            + "Answer a few questions to find what to check first.",
        start: MissingCodeNode.contact
    ) {
        Ask(.contact, "Where should the code arrive?") {
            Answer("phone", "In a text message (SMS)", next: .signal)
            Answer("email", "In an email", next: .spam)
        }
        Ask(
            .signal, "Can that phone receive other text messages right now?",
            hint: "To find out, ask someone to send you a text."
        ) {
            Answer("yes", "Yes, other texts arrive", next: .triedAgain)
            Answer("no", "No, or I'm not sure", next: .fixPhone)
        }
        Ask(.spam, "Have you looked for the code in your spam or junk folder, and searched the whole mailbox?") {
            Answer("yes", "Yes, it isn't there", next: .triedAgain)
            Answer("no", "Not yet", next: .checkSpam)
        }
        Ask(
            .triedAgain, "Have you waited five minutes and then asked for one new code?",
            hint: "Codes can be slow, and asking for many in a row can pause sending."
        ) {
            Answer("yes", "Yes, and it still didn't come", next: .otherMethod)
            Answer("no", "Not yet", next: .waitAndResend)
        }
        Ask(
            .otherMethod, "Does the account have another way to confirm it's you?",
            hint: "For example, an authenticator app, or a second phone number or email address."
        ) {
            Answer("yes", "Yes", next: .useOtherMethod)
            Answer("no", "No, or I'm not sure", next: .askSupport)
        }
        Ending(
            .fixPhone,
            title: "Get text messages working on the phone first",
            summary: "A code is an ordinary text message, so it can't arrive while other texts don't. "
                + "Check signal, airplane mode and roaming, then restart the phone and ask for a new code.",
            guide: "text-code-missing", anchor: "phone-checks")
        Ending(
            .checkSpam,
            title: "Look in spam and your other mail folders",
            summary: "Filters sometimes mistake automatic emails for junk. "
                + "Look in spam, junk and any tabs your inbox uses, and search the whole mailbox for the code.",
            guide: "email-code-missing", anchor: "spam")
        Ending(
            .waitAndResend,
            title: "Wait a few minutes, then ask for one new code",
            summary: "Codes can take several minutes when networks are busy. "
                + "Wait five minutes, ask for one new code, and use only the newest one.",
            guide: "code-still-missing", anchor: "wait-and-resend")
        Ending(
            .useOtherMethod,
            title: "Confirm it's you another way",
            summary: "On the code screen, choose another way to verify, such as your authenticator app. "
                + "Once you're in, check that your phone number and email are up to date.",
            guide: "code-still-missing", anchor: "another-method")
        Ending(
            .askSupport,
            title: "Ask official support for help",
            summary: "Without another way to confirm it's you, official support can help you back in. "
                + "Reach them only through the official app or website, and never share a code or password with anyone.",
            guide: "code-still-missing", anchor: "support", tone: .warning)
    }

    /// The nodes of `missingCode`: questions first, then outcomes, as they are written.
    enum MissingCodeNode: String, FlowNodeName {
        case contact, signal, spam
        case triedAgain = "tried-again"
        case otherMethod = "other-method"
        case fixPhone = "fix-phone"
        case checkSpam = "check-spam"
        case waitAndResend = "wait-and-resend"
        case useOtherMethod = "use-other-method"
        case askSupport = "ask-support"
    }
}
