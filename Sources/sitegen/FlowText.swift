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
        Terminal.out(flow.title + "\n\n")
        while true {
            let state = try flow.evaluate(chosen)
            if state.outcome != nil {
                Terminal.out(FlowText.describe(state) + "\n")
                return
            }
            guard let question = state.question else { return }
            Terminal.out(question.prompt + "\n")
            if let hint = question.hint { Terminal.out("  (\(hint))\n") }
            for (number, option) in question.options.enumerated() { Terminal.out("  \(number + 1). \(option.label)\n") }
            Terminal.out("Answer [1-\(question.options.count)]: ")
            guard let line = readLine()?.trimmingCharacters(in: .whitespaces) else {
                Terminal.err("\nNo answer given; stopping.\n")
                throw ExitCode(1)
            }
            if let number = Int(line), question.options.indices.contains(number - 1) {
                chosen.append(question.options[number - 1].id)
            } else if let option = question.option(line) {
                chosen.append(option.id)
            } else {
                Terminal.out("Please answer with a number from 1 to \(question.options.count).\n\n")
                continue
            }
            Terminal.out("\n")
        }
    }
}
