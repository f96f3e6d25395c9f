//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// Context while rendering mustache tokens
struct MustacheContext {
    let stack: [Any]
    /// Guidepost patch: how to look a name up in each object of `stack`, decided when the object is pushed: a
    /// variable climbs the stack, and casting `Any` to a protocol at every level of every lookup
    /// was most of the time spent rendering.
    let lookups: [ChildLookup]
    let sequenceContext: MustacheSequenceContext?
    let indentation: String?
    let inherited: [String: MustacheTemplate]?
    let contentType: MustacheContentType
    let library: MustacheLibrary?
    let reloadPartials: Bool

    /// initialize context with a single objectt
    init(_ object: Any, library: MustacheLibrary? = nil, reloadPartials: Bool = false) {
        self.stack = [object]
        self.lookups = [ChildLookup(object)]
        self.sequenceContext = nil
        self.indentation = nil
        self.inherited = nil
        self.contentType = HTMLContentType()
        self.library = library
        self.reloadPartials = reloadPartials
    }

    private init(
        stack: [Any],
        lookups: [ChildLookup],
        sequenceContext: MustacheSequenceContext?,
        indentation: String?,
        inherited: [String: MustacheTemplate]?,
        contentType: MustacheContentType,
        library: MustacheLibrary? = nil,
        reloadPartials: Bool
    ) {
        self.stack = stack
        self.lookups = lookups
        self.sequenceContext = sequenceContext
        self.indentation = indentation
        self.inherited = inherited
        self.contentType = contentType
        self.library = library
        self.reloadPartials = reloadPartials
    }

    /// return context with object add to stack
    func withObject(_ object: Any) -> MustacheContext {
        var stack = self.stack
        stack.append(object)
        var lookups = self.lookups
        lookups.append(ChildLookup(object))
        return .init(
            stack: stack,
            lookups: lookups,
            sequenceContext: nil,
            indentation: self.indentation,
            inherited: self.inherited,
            contentType: self.contentType,
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }

    /// return context with indent and parameter information for invoking a partial
    func withPartial(indented: String?, inheriting: [String: MustacheTemplate]?) -> MustacheContext {
        let indentation: String?
        if let indented {
            indentation = (self.indentation ?? "") + indented
        } else {
            indentation = self.indentation
        }
        let inherits: [String: MustacheTemplate]?
        if let inheriting {
            if let originalInherits = self.inherited {
                inherits = originalInherits.merging(inheriting) { value, _ in value }
            } else {
                inherits = inheriting
            }
        } else {
            inherits = self.inherited
        }
        return .init(
            stack: self.stack,
            lookups: self.lookups,
            sequenceContext: nil,
            indentation: indentation,
            inherited: inherits,
            contentType: HTMLContentType(),
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }

    /// return context with indent information for invoking an inheritance block
    func withBlockExpansion(indented: String?) -> MustacheContext {
        let indentation: String?
        if let indented {
            indentation = (self.indentation ?? "") + indented
        } else {
            indentation = self.indentation
        }
        return .init(
            stack: self.stack,
            lookups: self.lookups,
            sequenceContext: nil,
            indentation: indentation,
            inherited: self.inherited,
            contentType: self.contentType,
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }

    /// return context with sequence info and sequence element added to stack
    func withSequence(_ object: Any, sequenceContext: MustacheSequenceContext) -> MustacheContext {
        var stack = self.stack
        stack.append(object)
        var lookups = self.lookups
        lookups.append(ChildLookup(object))
        return .init(
            stack: stack,
            lookups: lookups,
            sequenceContext: sequenceContext,
            indentation: self.indentation,
            inherited: self.inherited,
            contentType: self.contentType,
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }

    /// return context with sequence info and sequence element added to stack
    func withContentType(_ contentType: MustacheContentType) -> MustacheContext {
        .init(
            stack: self.stack,
            lookups: self.lookups,
            sequenceContext: self.sequenceContext,
            indentation: self.indentation,
            inherited: self.inherited,
            contentType: contentType,
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }
}

/// Guidepost patch: how to find a named child of one object, decided once for the object.
enum ChildLookup {
    case parent(MustacheParent)
    case mirror(Any)
    case none

    /// The object's custom representation, if it has one, decides; a parent answers by name,
    /// anything else is reflected.
    init(_ object: Any?) {
        let represented: Any? =
            if let custom = object as? MustacheCustomRepresentation {
                custom.representation
            } else {
                object
            }
        if let parent = represented as? MustacheParent {
            self = .parent(parent)
        } else if let represented {
            self = .mirror(represented)
        } else {
            self = .none
        }
    }

    func child(named name: String) -> Any? {
        switch self {
        case .parent(let parent): parent.child(named: name)
        case .mirror(let object): Mirror(reflecting: object).getValue(forKey: name)
        case .none: nil
        }
    }
}
