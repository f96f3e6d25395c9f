extension FlowSpec {
    /// JSON Schema (draft 2020-12) for version 1 of the spec, published with the site so other
    /// tools can check a spec without reading Swift. Keep it in step with the types above; the
    /// tests validate every flow's spec against it.
    public static let jsonSchema: String = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "title": "Guidepost flow spec, version 1",
      "description": "A decision tree compiled for the flow checker script: questions lead, through their options, to outcomes that link to guides.",
      "type": "object",
      "required": ["specVersion", "id", "title", "intro", "start", "revision", "questions", "outcomes"],
      "additionalProperties": false,
      "properties": {
        "specVersion": { "const": 1 },
        "id": { "$ref": "#/$defs/id" },
        "title": { "$ref": "#/$defs/text" },
        "intro": { "$ref": "#/$defs/text" },
        "start": { "$ref": "#/$defs/id", "description": "The id of the node a reader starts at." },
        "revision": {
          "type": "string",
          "pattern": "^fnv1a64-[0-9a-f]{16}$",
          "description": "FNV-1a (64-bit) of the spec's compact, key-sorted JSON without this field."
        },
        "questions": { "type": "array", "items": { "$ref": "#/$defs/question" } },
        "outcomes": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/outcome" } }
      },
      "$defs": {
        "id": { "type": "string", "pattern": "^[a-z][a-z0-9-]*$" },
        "text": { "type": "string", "minLength": 1 },
        "question": {
          "type": "object",
          "required": ["id", "prompt", "options"],
          "additionalProperties": false,
          "properties": {
            "id": { "$ref": "#/$defs/id" },
            "prompt": { "$ref": "#/$defs/text" },
            "hint": { "$ref": "#/$defs/text" },
            "options": { "type": "array", "minItems": 2, "items": { "$ref": "#/$defs/option" } }
          }
        },
        "option": {
          "type": "object",
          "required": ["id", "label", "next"],
          "additionalProperties": false,
          "properties": {
            "id": { "$ref": "#/$defs/id" },
            "label": { "$ref": "#/$defs/text" },
            "next": { "$ref": "#/$defs/id", "description": "The id of a question or an outcome." }
          }
        },
        "outcome": {
          "type": "object",
          "required": ["id", "title", "summary", "tone", "guide"],
          "additionalProperties": false,
          "properties": {
            "id": { "$ref": "#/$defs/id" },
            "title": { "$ref": "#/$defs/text" },
            "summary": { "$ref": "#/$defs/text" },
            "tone": { "enum": ["success", "warning"] },
            "guide": { "$ref": "#/$defs/guide" }
          }
        },
        "guide": {
          "type": "object",
          "required": ["slug", "url", "title"],
          "additionalProperties": false,
          "properties": {
            "slug": { "$ref": "#/$defs/text" },
            "anchor": { "$ref": "#/$defs/text" },
            "url": { "$ref": "#/$defs/text" },
            "title": { "$ref": "#/$defs/text" }
          }
        }
      }
    }
    """#
}
