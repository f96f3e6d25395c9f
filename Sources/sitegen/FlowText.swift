import ArgumentParser
import FlowKit
import Foundation

/// How a flow's state reads in a terminal.
enum FlowText {
    static func describe(_ state: FlowState) -> String {
        if let outcome = state.outcome {
            var lines = ["Outcome: \(outcome.title)", "", outcome.summary, ""]
            let section = outcome.anchor.map { " (section #\($0))" } ?? ""
            lines.append("Read the guide: \(outcome.guide)\(section)")
            return lines.joined(separator: "\n")
        }
        guard let question = state.question else { return "" }
        return question.prompt + "\n" + question.options.map { "  \($0.id): \($0.label)" }.joined(separator: "\n")
    }

    static func pathsJSON(_ flow: Flow) -> String {
        let paths: [[String: Any]] = flow.paths().map { path in
            ["answers": path.steps.map { [$0.question, $0.option] }, "outcome": path.outcome]
        }
        guard let data = try? JSONSerialization.data(withJSONObject: paths, options: [.sortedKeys]) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Asks a flow's questions one at a time on standard input.
struct FlowConversation {
    let flow: Flow

    func run() throws {
        var chosen: [String] = []
        print(flow.title + "\n")
        while true {
            let state = try flow.evaluate(chosen)
            if state.outcome != nil {
                print(FlowText.describe(state))
                return
            }
            guard let question = state.question else { return }
            print(question.prompt)
            if let hint = question.hint { print("  (\(hint))") }
            for (number, option) in question.options.enumerated() { print("  \(number + 1). \(option.label)") }
            print("Answer [1-\(question.options.count)]: ", terminator: "")
            guard let line = readLine()?.trimmingCharacters(in: .whitespaces) else {
                FileHandle.standardError.write(Data("\nNo answer given; stopping.\n".utf8))
                throw ExitCode(1)
            }
            if let number = Int(line), question.options.indices.contains(number - 1) {
                chosen.append(question.options[number - 1].id)
            } else if let option = question.option(line) {
                chosen.append(option.id)
            } else {
                print("Please answer with a number from 1 to \(question.options.count).\n")
                continue
            }
            print("")
        }
    }
}
