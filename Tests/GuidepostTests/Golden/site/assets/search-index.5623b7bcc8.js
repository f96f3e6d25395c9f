A copy of templates/assets/search-index.js; its name carries its content hash.
