A copy of templates/assets/flow.js; its name carries its content hash.
