A copy of templates/assets/page.js; its name carries its content hash.
