A copy of templates/assets/matomo.js; its name carries its content hash.
