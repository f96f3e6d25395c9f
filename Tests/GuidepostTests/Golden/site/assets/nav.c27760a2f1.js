A copy of templates/assets/nav.js; its name carries its content hash.
