import FlowKit

extension HelpFlows {
    /// A phone number or email shows as "occupied" when it is already bound to another account
    /// on the exchange. The fix depends on which contact it is and what the reader can still
    /// reach, so this asks exactly that.
    public static let occupiedContact = Flow(
        id: "occupied-contact",
        title: "Find the fix for an occupied phone number or email",
        intro: "A phone number or email shows as occupied when it is already bound to another account. "
            + "Answer a few questions to find the steps that fit your case.",
        start: OccupiedContactNode.contact
    ) {
        Ask(.contact, "Which contact shows as occupied?") {
            Answer("phone", "A phone number", next: .sms)
            Answer("email", "An email address", next: .emailCodes)
        }
        Ask(
            .sms, "Can you still receive text messages (SMS) on that number?",
            hint: "Changing the number needs a code sent to it."
        ) {
            Answer("yes", "Yes, texts still reach me", next: .changePhone)
            Answer("no", "No, I can't receive texts there", next: .otherMethod)
        }
        Ask(
            .otherMethod, "Does the account have another verified way to confirm it's you?",
            hint: "For example, a verified email address or an authenticator app such as Google Authenticator."
        ) {
            Answer("yes", "Yes", next: .resetPhone)
            Answer("no", "No", next: .supportPhone)
        }
        Ask(.emailCodes, "Can you still receive verification codes at the occupied email address?") {
            Answer("yes", "Yes, codes still reach me", next: .oldAccount)
            Answer("no", "No, I can't get codes there", next: .emailNoAccess)
        }
        Ask(
            .oldAccount, "Does the account that email is bound to still hold assets or trading history you need?",
            hint: "Moving the email closes that account."
        ) {
            Answer("yes", "Yes", next: .moveAssetsFirst)
            Answer("unsure", "I'm not sure", next: .moveAssetsFirst)
            Answer("no", "No", next: .migrateEmail)
        }
        Ending(
            .changePhone,
            title: "Change the number in Security Settings",
            summary: "Open Security Settings and change the phone number. "
                + "You'll confirm with face verification, codes sent to the old and the new number, "
                + "and your security password.",
            guide: "phone-still-reachable")
        Ending(
            .resetPhone,
            title: "Reset the phone number with another method",
            summary: "On the two-factor screen, choose another verification method, "
                + "then Reset two-factor authentication and Reset phone. "
                + "Prove it's you with your other verified methods, then bind a new number.",
            guide: "phone-no-longer-reachable")
        Ending(
            .supportPhone,
            title: "Contact official support",
            summary: "Without texts to the number or another verified method, you can't reset it yourself. "
                + "Contact the exchange's official support and ask for account recovery.",
            guide: "phone-no-longer-reachable", anchor: "no-other-method")
        Ending(
            .emailNoAccess,
            title: "Recover without the old email",
            summary: "Moving the email needs a code sent to the old address. "
                + "Without it, try Reset two-factor authentication with your other verified methods. "
                + "If you have none, contact official support.",
            guide: "email-migration", anchor: "no-access")
        Ending(
            .moveAssetsFirst,
            title: "Move your assets out before you migrate",
            summary: "Migrating closes the old account, and its assets and trading history are lost. "
                + "Move the assets out and save the records you need first. Then migrate the email.",
            guide: "email-migration", anchor: "before-you-migrate", tone: .warning)
        Ending(
            .migrateEmail,
            title: "Migrate the email to your account",
            summary: "In Security Center, change your email and enter the codes sent to the new and the old "
                + "address, plus your Google Authenticator code if it's on. "
                + "Then choose Migrate Account, which closes the old account.",
            guide: "email-migration")
    }

    /// The nodes of `occupiedContact`: questions first, then outcomes, as they are written.
    enum OccupiedContactNode: String, FlowNodeName {
        case contact
        case sms
        case otherMethod = "other-method"
        case emailCodes = "email-codes"
        case oldAccount = "old-account"
        case changePhone = "change-phone"
        case resetPhone = "reset-phone"
        case supportPhone = "support-phone"
        case emailNoAccess = "email-no-access"
        case moveAssetsFirst = "move-assets-first"
        case migrateEmail = "migrate-email"
    }
}
