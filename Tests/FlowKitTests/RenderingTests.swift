@_spi(Untyped) import FlowKit
import Testing

@Suite struct RenderingTests {
    @Test func mermaidOfTheTinyFlow() {
        #expect(TestFlows.tiny.mermaid() == """
            flowchart TD
              start((Start)) --> q_ready
              q_ready{"Are you ready?"}
              q_ready -->|"Yes"| o_done
              q_ready -->|"Not yet"| q_wait
              q_wait{"Can you wait a minute?"}
              q_wait -->|"OK"| o_done
              q_wait -->|"Skip it"| o_careful
              o_done(["Done"])
              o_careful(["Read this first"])
              classDef warning stroke:#b45309,stroke-width:3px
              class o_careful warning

            """)
    }

    @Test func dotOfTheTinyFlow() {
        #expect(TestFlows.tiny.dot() == """
            digraph "tiny" {
              node [shape=box];
              "__start" [shape=circle, label="Start"];
              "__start" -> "ready";
              "ready" [label="Are you ready?"];
              "ready" -> "done" [label="Yes"];
              "ready" -> "wait" [label="Not yet"];
              "wait" [label="Can you wait a minute?"];
              "wait" -> "done" [label="OK"];
              "wait" -> "careful" [label="Skip it"];
              "done" [style="rounded,filled", fillcolor="#e6f4ea", label="Done"];
              "careful" [style="rounded,filled", fillcolor="#fdecd2", label="Read this first"];
            }

            """)
    }

    static let awkward = TestFlows.sound {
        Question("q", #"Say "hi" <b>#1</b> | a\b & more"#) {
            Option("a", "line\nbreak", next: "x")
            Option("b", "Windows\r\nbreak", next: "y")
        }
        TestFlows.x
        TestFlows.y
    }

    @Test func mermaidEscapesLabels() {
        let lines = Self.awkward.mermaid().split(separator: "\n")
        #expect(lines.contains(#"  q_q{"Say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt; #124; a\b #amp; more"}"#))
        #expect(lines.contains(#"  q_q -->|"line break"| o_x"#))
        #expect(lines.contains(#"  q_q -->|"Windows break"| o_y"#), "a CRLF is one break, so one space")
        #expect(!Self.awkward.mermaid().contains("classDef"))
    }

    @Test func dotEscapesLabels() {
        let lines = Self.awkward.dot().split(separator: "\n")
        #expect(lines.contains(#"  "q" [label="Say \"hi\" <b>#1</b> | a\\b & more"];"#))
        #expect(lines.contains(#"  "q" -> "x" [label="line\nbreak"];"#))
        #expect(lines.contains(#"  "q" -> "y" [label="Windows\nbreak"];"#), "a CRLF is one break")
    }

    @Test func renderingsAreDeterministic() {
        #expect(TestFlows.tiny.mermaid() == TestFlows.tiny.mermaid())
        #expect(TestFlows.tiny.dot() == TestFlows.tiny.dot())
    }
}
