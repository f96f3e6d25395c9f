import Foundation
import Guidepost

/// Everything sitegen prints goes through here, escaped (`TerminalText`), unbuffered, so lines
/// arrive in order through a pipe whichever stream they are on.
enum Terminal {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalText.escaped(text).utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(TerminalText.escaped(text).utf8))
    }
}
