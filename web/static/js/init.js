// init.js starts the NHS design system components (error summary focus,
// conditional reveals on radios and checkboxes, the header menu).
//
// The design system's page template marks <body> with an inline script;
// our Content-Security-Policy allows no inline scripts, so this module does
// it. Module scripts run only in browsers that nhsuk-frontend supports.
//
// It imports nhsuk-frontend by its plain relative path. The server serves
// every static file under both its content-hashed name and its plain name;
// a relative import from /static/js/init.<hash>.js resolves to the plain
// /static/js/nhsuk-frontend.min.js, which is revalidated rather than cached
// for a year. That keeps the scripts free of generated import maps.
import { initAll } from './nhsuk-frontend.min.js'

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported')
initAll()
