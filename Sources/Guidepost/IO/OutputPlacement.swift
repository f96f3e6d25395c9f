import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an output folder may be. A build replaces it whole, so it must hold none of the
/// build's inputs, and lie inside none of them either: inside the content folder, each build
/// would publish the last one as media, or replace the guides with the site. Paths are compared
/// as the system resolves them, links and `..` included, so no spelling slips past.
extension OutputFolder {
    /// A folder the build reads, and what to call it in an error.
    struct Input {
        var role: String
        var path: String
    }

    /// Throws, before anything is written, when `output` is one of `inputs`, holds one, or is
    /// inside one; or holds `project` (the folder the build runs in); or when two inputs (the
    /// templates and their overrides) overlap.
    static func checkPlacement(output: String, inputs: [Input], project: String) throws(BuildErrors) {
        let target = resolved(output)
        var errors: [BuildError] = []
        let hint = "pass an output folder of its own, outside the content, templates and overrides folders, such as `--output public`."
        if target == "/" || contains(target, resolved(project)) {
            errors.append(BuildError(.output, step: .write, file: output,
                                     "the output folder holds the project folder, and a build replaces the output folder whole", hint: hint))
        }
        for input in inputs {
            let source = resolved(input.path)
            if contains(target, source) {
                errors.append(BuildError(.output, step: .write, file: output,
                                         "the output folder holds the \(input.role) `\(input.path)`, and a build replaces the output folder whole",
                                         hint: hint))
            } else if contains(source, target) {
                errors.append(BuildError(.output, step: .write, file: output,
                                         "the output folder is inside the \(input.role) `\(input.path)`: the next build would read the site it wrote as input",
                                         hint: hint))
            }
        }
        for (index, first) in inputs.enumerated() {
            for second in inputs[(index + 1)...] where contains(resolved(first.path), resolved(second.path)) || contains(resolved(second.path), resolved(first.path)) {
                errors.append(BuildError(.output, step: .load, file: second.path,
                                         "the \(second.role) `\(second.path)` and the \(first.role) `\(first.path)` overlap",
                                         hint: "keep them in folders of their own, neither inside the other."))
            }
        }
        if !errors.isEmpty { throw BuildErrors(errors) }
    }

    /// Whether `inner` is `outer` or below it; both resolved.
    static func contains(_ outer: String, _ inner: String) -> Bool {
        outer == inner || outer == "/" || inner.hasPrefix(outer + "/")
    }

    /// `path` absolute, with every link and `..` resolved as the system would: the nearest part
    /// of it that exists is resolved by `realpath`, and the parts still to be made follow.
    static func resolved(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).path
        var missing: [String] = []
        while true {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                let base = URL(fileURLWithPath: String(cString: real))
                return missing.reversed().reduce(base) { $0.appendingPathComponent($1) }.standardizedFileURL.path
            }
            let url = URL(fileURLWithPath: existing)
            let parent = url.deletingLastPathComponent().path
            guard parent != existing, !existing.isEmpty else { return URL(fileURLWithPath: path).standardizedFileURL.path }
            missing.append(url.lastPathComponent)
            existing = parent
        }
    }
}
