// Run first in the body, before anything is drawn: GOV.UK Frontend's styles for pages with
// JavaScript (and for browsers its modules support). A file, not an inline script, so the
// Content-Security-Policy can refuse every inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
