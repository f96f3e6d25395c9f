A copy of templates/assets/search-text.js; its name carries its content hash.
