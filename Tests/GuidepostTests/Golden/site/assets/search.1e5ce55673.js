A copy of templates/assets/search.js; its name carries its content hash.
